from . import input_guard
