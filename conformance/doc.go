// Package conformance checks that the JSON Schemas the cases library
// exports accept and refuse the same documents as the library itself.
//
// The corpus under testdata/corpus holds one directory per schema (open,
// update, respond.KIND, case, event) and one file per body, named
// OUTCOME__NAME.json. OUTCOME is what the library and a JSON Schema
// validator (santhosh-tekuri/jsonschema/v6, with format assertions on)
// must decide:
//
//   - valid: both accept the body;
//   - invalid: both refuse it;
//   - refused_by_library.RULE: the library refuses it, with items the
//     generator names, by RULE, which the schema names as not
//     expressible; the schema accepts it;
//   - refused_by_schema.RULE: the library accepts it and the schema
//     refuses it, for RULE, which the schema names too: a rule the
//     validator decides otherwise than the library.
//
// The bodies come from a table of hand-written cases and from the casetest
// kit: its scenarios, random cases drawn with fixed seeds, and every
// variant it makes that breaks one rule of a case or of an open, update or
// respond body. The library checks a body with its strict Decoder and,
// for a body built for an operation, with that operation too, on the
// kit's cases at the kit's clock (casetest.Start): a due time in the past
// or a move the case's status refuses is only seen there.
//
// The tests are the only code of the package. go test -run Corpus -update
// rewrites the corpus from the generator; without -update a corpus that
// differs from the generator fails the test.
package conformance
