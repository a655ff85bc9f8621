// Package conformance checks that the JSON Schemas the cases library
// exports accept and refuse the same documents as its strict Decoder.
package conformance
