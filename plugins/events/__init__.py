"""The Events plugin (written by `tierslieux new-plugin events`)."""
