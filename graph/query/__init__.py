"""The query side: stores, SPARQL and saved questions, the endpoint, pushing to a triple store."""
