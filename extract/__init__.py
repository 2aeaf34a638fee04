"""Reading policing documents and extracting entities, links, funds and judgements."""
