"""outbound_message: to be written."""
