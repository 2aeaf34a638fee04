"""policekg: policing documents in, a knowledge graph out."""
