//! Quality on the embedded ontology (to be filled with the labelled query set).
