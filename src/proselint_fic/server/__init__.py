"""The language server (``proselint-fic server``); needs the optional extra ``[lsp]``."""
