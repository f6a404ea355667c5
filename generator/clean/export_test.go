package clean

// HasAnnotation is exported to the external tests (fuzz target).
var HasAnnotation = hasAnnotation
