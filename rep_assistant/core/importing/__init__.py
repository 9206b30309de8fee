"""Reading WhatsApp exports and merging them into the store, one transaction per import."""
