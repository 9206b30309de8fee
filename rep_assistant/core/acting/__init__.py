"""Acting on a confirmed breach: drafts, incidents, the members register, reports, bundles, masking, e-mail drafts."""
