"""The Noticeboard plugin (written by `tierslieux new-plugin noticeboard`)."""
