"""Administration: modules, users and the audit log, for territory admins and site managers."""
