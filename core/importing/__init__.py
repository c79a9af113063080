"""Document importing: readers to the intermediate form, and the recogniser to the domain model."""
