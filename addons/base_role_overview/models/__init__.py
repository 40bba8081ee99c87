from . import role_overview_tile
