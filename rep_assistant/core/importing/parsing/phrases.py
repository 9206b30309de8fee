"""WhatsApp's own wording for placeholders and notices, in the languages the exports come in.

These are the app's interface strings (facts about the format), gathered from FORMATS.md
and from reading exports; they are looked up whole, so adding a language is adding lines.
Each is stored without a final full stop: iOS adds one, Android does not.
"""

#: Bodies meaning "a message was deleted here".
DELETED = frozenset({
    "This message was deleted", "You deleted this message",
    "Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht",
    "Ce message a été supprimé", "Vous avez supprimé ce message",
    "Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado",
    "Questo messaggio è stato eliminato", "Hai eliminato questo messaggio",
    "Esta mensagem foi apagada", "Apagou esta mensagem", "Você apagou esta mensagem",
    "Dit bericht is verwijderd", "Je hebt dit bericht verwijderd",
    "Tato zpráva byla smazána", "Tuto zprávu jste smazal/a", "Tato zpráva byla odstraněna",
    "Данное сообщение удалено", "Вы удалили данное сообщение", "Это сообщение было удалено",
    "Це повідомлення було видалено", "Ви видалили це повідомлення",
    "Pesan ini dihapus", "Anda menghapus pesan ini",
    "Tin nhắn này đã bị xóa", "Bạn đã xoá tin nhắn này",
    "यह मैसेज डिलीट कर दिया गया है", "आपने यह मैसेज डिलीट किया",
    "ข้อความนี้ถูกลบแล้ว", "คุณได้ลบข้อความนี้",
    "このメッセージは削除されました。", "このメッセージを削除しました。",
    "تم حذف هذه الرسالة", "لقد حذَفت هذه الرسالة",
})

#: Prefix of the newer "deleted by an admin" stub; the admin's name follows.
DELETED_BY_ADMIN = ("This message was deleted by admin ", "This message was deleted by an admin")

#: Call logs, written as a message from the caller.
MISSED_CALLS = frozenset({
    "Missed voice call", "Missed video call", "Missed group voice call", "Missed group video call",
    "Verpasster Sprachanruf", "Verpasster Videoanruf", "Appel vocal manqué", "Appel vidéo manqué",
    "Llamada perdida", "Videollamada perdida", "Chiamata vocale persa", "Videochiamata persa",
    "Chamada de voz perdida", "Chamada de vídeo perdida", "Gemiste spraakoproep", "Gemiste video-oproep",
    "Zmeškaný hovor", "Zmeškaný videohovor", "Пропущенный аудиозвонок", "Пропущенный видеозвонок",
})

#: Live-location notices (Android); a pinned location is recognised by its maps URL instead.
LIVE_LOCATION = frozenset({"live location shared", "Live-Standort geteilt", "Live location shared"})

#: Fragments of the end-to-end encryption notice, one per language.
ENCRYPTION = (
    "end-to-end", "Ende-zu-Ende", "de bout en bout", "de extremo a extremo", "ponto a ponto", "ponta a ponta",
    "сквозным шифрованием", "наскрізним шифруванням", "koncovým šifrováním", "mã hóa đầu cuối",
    "एंड-टू-एंड", "エンドツーエンド暗号化", "เข้ารหัสจากต้นทางถึงปลายทาง", "مشفرة تمامًا بين الطرفين", "端到端加密",
)
#: How an attributed encryption notice starts when it carries no invisible mark (old Android groups).
ENCRYPTION_OPENINGS = ("Messages and calls are", "Messages to this group are", "Messages you send to")

#: Android "(file attached)" tags.
FILE_ATTACHED = frozenset({
    "file attached", "Datei angehängt", "bestand bijgevoegd", "soubor byl přiložen", "файл добавлен",
    "archivo adjunto", "fichier joint", "file allegato", "arquivo anexado", "ficheiro anexado",
    "файл додано", "file terlampir", "tệp đính kèm", "फ़ाइल अटैच की गई", "ไฟล์แนบ", "ملف مرفق",
})

#: iOS "<attached: …>" tags.
ATTACHED_TAGS = (
    "attached", "Anhang", "adjunto", "allegato", "anexo", "pièce jointe", "bijlage", "příloha",
    "прикреплено", "вкладення", "lampiran", "đính kèm", "添付", "مرفق",
)

#: iOS placeholders for media left out of the export, recognised even without their leading mark
#: (hand-edited files drop it): kind by wording.
OMITTED_EXACT = {
    "image omitted": "media", "video omitted": "media", "audio omitted": "media", "sticker omitted": "media",
    "GIF omitted": "media", "document omitted": "media", "Contact card omitted": "contact",
}

#: Endings of iOS "<kind> omitted" placeholders (exported without media).
OMITTED = (
    "omitted", "omitido", "omitida", "omessa", "omesso", "omis", "absente", "manquant", "manquante", "retiré", "esclusa",
    "non incluso", "weggelassen", "ausgelassen", "weggelaten", "vynechán", "vynechána", "vynecháno",
    "отсутствует", "відсутнє", "відсутня", "пропущено", "не добавлен", "не додано", "não revelado",
    "não revelada", "tidak disertakan", "は含まれていません", "を省略", "छोड़ा गया", "\u091b\u094b\u095c\u093e \u0917\u092f\u093e", "हटाई गई", "हटाई गयी",
    "ถูกลบ", "ที่ละเว้น",
)
#: Beginnings of placeholders whose language puts the verb first.
OMITTED_OPENINGS = ("bỏ qua", "Bỏ qua", "đã bỏ", "Đã bỏ qua", "ไม่มี", "ละเว้น", "لم يتم إدراج", "تم حذف الملصقات")

#: Placeholder words meaning a contact card.
CONTACT_CARD = (
    "Contact card", "Kontaktkarte", "Vizitka", "Карточка контакта", "Картка контакту", "Tarjeta de contacto",
    "Scheda contatto", "Contacto não revelado", "Fiche contact", "Kartu kontak", "thẻ liên lạc",
    "कॉन्टैक्ट कार्ड", "บัตรรายชื่อ", "بطاقة جهة اتصال", "連絡先カード",
)

#: Markers appended to edited messages.
EDITED = (
    "This message was edited", "Diese Nachricht wurde bearbeitet", "Este mensaje fue editado",
    "Ce message a été modifié", "Questo messaggio è stato modificato", "Esta mensagem foi editada",
    "Dit bericht is bewerkt", "Это сообщение было изменено",
)

#: Words for the exporting user in system lines; stored as "You" and never made a member.
YOU = frozenset({"You", "you", "Du", "du", "Vous", "vous", "Tú", "tú", "Tu", "tu", "Você", "Вы", "Ви", "Jij", "jij"})
