// Package storetest checks that a [casehttp.Store] keeps every promise of
// its documentation, so that the handler behaves the same on any store.
// A store package runs the suite from its own tests:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) casehttp.Store {
//			return newEmptyStore(t)
//		})
//	}
//
// [Run] checks the store directly (creating, reading, listing and
// updating cases, the outbox and the idempotency records) and through a
// [casehttp.Handler] served with httptest: a case's whole life, a stale
// If-Match, and a retry that a new handler over the same store replays.
// Every check compares exact values: cases and events by their JSON
// encoding, errors with errors.Is against the sentinels of casehttp.
//
// The suite runs a few dozen goroutines against one store at a time and
// takes well under a second on the memory store.
package storetest
