package cases

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// t0 is the time the tests open their cases at.
var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// testEnv returns an Env at the given time whose IDs count up from 1, so
// that every ID a test sees is predictable.
func testEnv(now time.Time) Env {
	n := 0
	return Env{Now: now, NewID: func() (uuid.UUID, error) {
		n++
		return uuid.MustParse(fmt.Sprintf("00000000-0000-7000-8000-%012d", n)), nil
	}}
}

func ptr[T any](v T) *T { return &v }

// validOpen returns an open request for a missing_information case that
// passes every rule, with fields of several types.
func validOpen() *OpenRequest {
	return &OpenRequest{
		ParentType: ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       KindMissingInformation,
		Status:     StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Details:    ptr("The state rejected the name."),
		Request: &MissingInformationRequest{Fields: []FieldSpec{
			{Name: "legal_name", Type: FieldString, Description: "Corrected legal name.",
				Required: true, Example: "Acme Holdings LLC"},
			{Name: "office", Type: FieldAddress, Description: "Registered office.", Required: true},
			{Name: "email", Type: FieldEmail, Description: "Contact email."},
			{Name: "entity", Type: FieldEnum, Description: "Entity type.",
				Options: []string{"llc", "corporation"}},
		}},
		DueAt:    ptr(t0.Add(72 * time.Hour)),
		Metadata: Metadata{"external_id": "user_123"},
	}
}

// validRAOpen returns an open request for an ra_termination case.
func validRAOpen() *OpenRequest {
	return &OpenRequest{
		ParentType: ParentBusiness,
		ParentID:   "biz_42",
		Kind:       KindRATermination,
		Status:     StatusNeedsResponse,
		Summary:    "Registered-agent service ends on 1 April.",
		Request:    &RATerminationRequest{Reason: RASwitchingProviders},
	}
}

// validAnswers returns a response that answers validOpen's request.
func validAnswers() *MissingInformationResponse {
	return &MissingInformationResponse{Fields: map[string]any{
		"legal_name": "Acme Holdings LLC",
		"office": map[string]any{
			"street_line_1": "1 Main St", "city": "Dover", "region": "DE",
			"postal_code": "19901", "country": "US",
		},
	}}
}

// mustOpen opens o at t0 and fails the test on error.
func mustOpen(t testing.TB, o *OpenRequest) *Case {
	t.Helper()
	c, _, err := Open(o, testEnv(t0))
	require.NoError(t, err)
	return c
}

// at is the short form of an expected item: its pointer and code.
type at struct {
	Pointer string
	Code    Code
}

// assertItems checks that err is an *Error holding exactly the items want,
// in order, and that it wraps family.
func assertItems(t testing.TB, err error, family error, want ...at) {
	t.Helper()
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, family)
	got := make([]at, len(e.Items))
	for i, it := range e.Items {
		got[i] = at{it.Pointer, it.Code}
	}
	assert.Equal(t, want, got)
}

// assertInvalid checks that err is an ErrInvalid error with exactly want.
func assertInvalid(t testing.TB, err error, want ...at) {
	t.Helper()
	assertItems(t, err, ErrInvalid, want...)
}

func TestHelpersBuildValidInput(t *testing.T) {
	c := mustOpen(t, validOpen())
	require.NoError(t, c.Validate())
	require.NoError(t, c.CheckResponse(validAnswers()))
	ra := mustOpen(t, validRAOpen())
	require.NoError(t, ra.Validate())
}
