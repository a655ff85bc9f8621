package casehttp_test

import (
	"testing"

	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casehttp/storetest"
)

// TestMemoryStore_Contract runs the store contract suite on the memory
// store.
func TestMemoryStore_Contract(t *testing.T) {
	storetest.Run(t, func(*testing.T) casehttp.Store { return casehttp.NewMemoryStore() })
}
