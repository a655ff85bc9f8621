package cases

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
)

// This file renders the rules of rules.go as JSON Schema (draft 2020-12).
// A mirror field's validate tag becomes keywords: required and notblank
// become a required key with minLength and a pattern, max and min become
// lengths or item counts, known becomes the enum of the type's known
// values, and the project's own tags become patterns. What no tag says
// (the keys a mirror leaves out, the rules across fields) is added here
// from the exported lists, the transition table and the library's own
// limits, asked of the rules that hold them (schema_defs.go), and what
// JSON Schema cannot say, or what validators decide otherwise than the
// library, is named in each schema's description and in its
// x-not-expressible list (schema_gaps.go).

// SchemaNames returns the names of the schemas that [Schema] renders,
// sorted: "case", "event", "open", "update", and "respond.KIND" for each
// known kind.
func SchemaNames() []string {
	return slices.Sorted(maps.Keys(schemaRoots()))
}

// Schema returns the JSON Schema (draft 2020-12) of the document called
// name, one of [SchemaNames]: a request body (open, update, respond.KIND),
// the case object or the event envelope. The schema is the strict view,
// generated from the package's own rules: unknown keys and unknown enum
// values are refused, as strict validation refuses them. The rules a
// schema cannot express, and those that JSON Schema validators are known
// to decide otherwise than the library, are listed in its description
// and, by name, in its "x-not-expressible" keyword. The text is indented JSON with sorted
// keys, ending in a newline; it is the same on every call. An unknown name
// is an error.
func Schema(name string) ([]byte, error) {
	build, ok := schemaRoots()[name]
	if !ok {
		return nil, fmt.Errorf("cases: no schema named %q", name)
	}
	root := build()
	defs := allDefs()
	used := map[string]any{}
	collectRefs(root, defs, used)
	if len(used) > 0 {
		root["$defs"] = used
	}
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return asciiJSON(buf.Bytes()), nil
}

// jsonObj is one JSON Schema object while it is built.
type jsonObj = map[string]any

// schemaRoots returns the builder of every schema, by name.
func schemaRoots() map[string]func() jsonObj {
	roots := map[string]func() jsonObj{
		"open":   openSchema,
		"update": updateSchema,
		"case":   caseRootSchema,
		"event":  eventSchema,
	}
	for _, k := range Kinds() {
		roots["respond."+string(k)] = func() jsonObj { return respondSchema(k) }
	}
	return roots
}

func openSchema() jsonObj {
	var opening []any
	for _, t := range Moves("") {
		opening = append(opening, string(t.To))
	}
	open := reflect.TypeFor[OpenRequest]()
	s := objectSchema(reflect.TypeFor[caseRules](), open, map[string]jsonObj{
		"request":  {"type": "object", "description": "the request of the case's kind"},
		"due_at":   nullable(ref("timestamp")),
		"metadata": ref("metadata"),
	}, "request")
	props := s["properties"].(jsonObj)
	props["status"].(jsonObj)["enum"] = opening
	s["allOf"] = kindConditions(false)
	return rootSchema(s, "Open a case",
		"The body of POST /v1/case.",
		slices.Concat(decoderGaps, requestGaps, []schemaGap{gapUTCYear, gapDueAt})...)
}

func updateSchema() jsonObj {
	mirror := objectSchema(reflect.TypeFor[caseRules](), nil, nil)["properties"].(jsonObj)
	props := jsonObj{
		"due_at":   nullable(ref("timestamp")),
		"metadata": ref("metadata_patch"),
	}
	for _, key := range []string{"status", "resolution_reason", "summary", "details"} {
		props[key] = mirror[key]
	}
	for _, key := range []string{"parent_type", "parent_id", "kind", "request"} {
		props[key] = false
	}
	conds := []any{jsonObj{
		"if": jsonObj{
			"required":   []any{"resolution_reason"},
			"properties": jsonObj{"resolution_reason": jsonObj{"type": "string"}},
		},
		"then": jsonObj{
			"required":   []any{"status"},
			"properties": jsonObj{"status": jsonObj{"enum": terminalStatuses()}},
		},
	}}
	for _, st := range terminalStatuses() {
		conds = append(conds, ifStatus(st.(string), jsonObj{
			"properties": jsonObj{"resolution_reason": jsonObj{
				"enum": append([]any{nil}, reasonsOf(Status(st.(string)))...),
			}},
		}))
	}
	s := jsonObj{
		"type": "object", "properties": props, "additionalProperties": false, "allOf": conds,
	}
	return rootSchema(s, "Update a case",
		"The body of PATCH /v1/case/{id}. An absent key leaves its value as it is;"+
			" null clears details or due_at; parent_type, parent_id, kind and request"+
			" never change after open. A resolution_reason needs a move to the"+
			" terminal status it belongs to.",
		slices.Concat(decoderGaps,
			[]schemaGap{gapUTCYear, gapDueAt, gapTransitions, gapMetadataMerge})...)
}

func respondSchema(k Kind) jsonObj {
	s := jsonObj{"$ref": "#/$defs/response." + string(k)}
	gaps := slices.Concat(decoderGaps, kinds[k].responseGaps(), []schemaGap{gapAwaiting})
	return rootSchema(s, "Respond to a "+string(k)+" case",
		"The body of POST /v1/case/{id}/response for a case of kind "+string(k)+
			": the kind's response payload itself.", gaps...)
}

func caseRootSchema() jsonObj {
	s := jsonObj{"$ref": "#/$defs/case"}
	return rootSchema(s, "Case",
		"The case object, as a service checks it before storing it: every limit"+
			" and every invariant between its fields.",
		slices.Concat(decoderGaps, requestGaps,
			[]schemaGap{gapUTCYear, gapTimeOrder, gapResponse})...)
}

func eventSchema() jsonObj {
	s := objectSchema(reflect.TypeFor[eventRules](), reflect.TypeFor[Event](), map[string]jsonObj{
		"object": {"const": "event"},
		"data":   ref("case"),
	}, "data")
	return rootSchema(s, "Event",
		"The envelope of an event, with the case after the change in data.",
		slices.Concat(decoderGaps, requestGaps,
			[]schemaGap{gapUTCYear, gapTimeOrder, gapResponse})...)
}

// caseDef is the case object.
func caseDef() jsonObj {
	s := objectSchema(reflect.TypeFor[caseRules](), reflect.TypeFor[Case](), map[string]jsonObj{
		"object":   {"const": "case"},
		"metadata": ref("metadata"),
		"request":  {"type": "object", "description": "the request of the case's kind"},
		"response": {
			"type":        []any{"object", "null"},
			"description": "the response of the case's kind",
		},
		"opened_at":   nullable(ref("timestamp")),
		"due_at":      nullable(ref("timestamp")),
		"resolved_at": nullable(ref("timestamp")),
	}, "request")
	conds := kindConditions(true)
	conds = append(conds, caseInvariants()...)
	s["allOf"] = conds
	return s
}

// caseInvariants says, of the invariants of a stored case, those that a
// schema can: which fields each status sets.
func caseInvariants() []any {
	var conds []any
	for _, st := range Statuses() {
		switch {
		case st.IsOpen():
			conds = append(conds, ifStatus(string(st), jsonObj{"properties": jsonObj{
				"resolved_at":       jsonObj{"type": "null"},
				"resolution_reason": jsonObj{"type": "null"},
			}}))
		case st.IsTerminal():
			conds = append(conds, ifStatus(string(st), jsonObj{
				"required": []any{"resolved_at", "resolution_reason"},
				"properties": jsonObj{
					"resolved_at":       jsonObj{"type": "string"},
					"resolution_reason": jsonObj{"enum": reasonsOf(st)},
				},
			}))
		}
	}
	opened := jsonObj{
		"required":   []any{"opened_at"},
		"properties": jsonObj{"opened_at": jsonObj{"type": "string"}},
	}
	conds = append(conds, ifStatus(string(StatusNeedsResponse), opened), jsonObj{
		"if": jsonObj{
			"required":   []any{"response"},
			"properties": jsonObj{"response": jsonObj{"type": "object"}},
		},
		"then": opened,
	}, jsonObj{
		"if": jsonObj{
			"required": []any{"resolution_reason"},
			"properties": jsonObj{"resolution_reason": jsonObj{
				"const": string(ReasonResponseReceived),
			}},
		},
		"then": jsonObj{
			"required":   []any{"response"},
			"properties": jsonObj{"response": jsonObj{"type": "object"}},
		},
	})
	return conds
}

// kindConditions shapes the request (and, in a case, the response) by the
// kind, and requires the parent type a kind needs.
func kindConditions(withResponse bool) []any {
	var conds []any
	for _, k := range Kinds() {
		props := jsonObj{"request": ref("request." + string(k))}
		if withResponse {
			props["response"] = nullable(ref("response." + string(k)))
		}
		if p := kinds[k].parent(); p != "" {
			props["parent_type"] = jsonObj{"const": string(p)}
		}
		conds = append(conds, jsonObj{
			"if": jsonObj{
				"required":   []any{"kind"},
				"properties": jsonObj{"kind": jsonObj{"const": string(k)}},
			},
			"then": jsonObj{"properties": props},
		})
	}
	return conds
}

func ifStatus(st string, then jsonObj) jsonObj {
	return jsonObj{
		"if": jsonObj{
			"required":   []any{"status"},
			"properties": jsonObj{"status": jsonObj{"const": st}},
		},
		"then": then,
	}
}
