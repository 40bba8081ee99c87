from . import export
