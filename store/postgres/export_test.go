package postgres

// The unexported helpers that the tests of package postgres_test check
// on their own.
var (
	JSONBKeeps = jsonbKeeps
	ErrorText  = errorText
	ListSQL    = listSQL
)
