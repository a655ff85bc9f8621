package cases

import (
	"math"
	"reflect"
	"slices"
	"strconv"
)

// This file holds the definitions that the schemas share: the case, the
// field spec, the answers of each field type, timestamps, metadata and
// the kinds' payloads.

// allDefs returns every shared definition, by name.
func allDefs() map[string]jsonObj {
	defs := map[string]jsonObj{
		"case":           caseDef(),
		"field_spec":     fieldSpecDef(),
		"timestamp":      timestampDef(),
		"metadata":       metadataDef(false),
		"metadata_patch": metadataDef(true),
		"address": objectSchema(reflect.TypeFor[addressRules](),
			reflect.TypeFor[Address](), nil),
		"successor_agent": objectSchema(reflect.TypeFor[successorRules](),
			reflect.TypeFor[SuccessorAgent](), nil),
	}
	for k, rules := range kinds {
		defs["request."+string(k)] = rules.schema(false)
		defs["response."+string(k)] = rules.schema(true)
	}
	for _, t := range FieldTypes() {
		defs["value."+string(t)] = valueDef(t)
	}
	return defs
}

// mirrorDefs names the definition of each mirror type that a field of
// another mirror holds.
var mirrorDefs = map[reflect.Type]string{
	reflect.TypeFor[addressRules]():   "address",
	reflect.TypeFor[successorRules](): "successor_agent",
	reflect.TypeFor[FieldSpec]():      "field_spec",
}

// timestampDef is an RFC 3339 timestamp as the library parses it: "T"
// and "Z" in upper case, no leap second, offsets below 24 hours.
func timestampDef() jsonObj {
	return jsonObj{
		"type":   "string",
		"format": "date-time",
		"pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]` +
			`(\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`,
	}
}

// metadataDef is the metadata of a case, or the metadata of an update
// body, where null removes a key and the pair limit applies only after
// the merge.
func metadataDef(patch bool) jsonObj {
	value := jsonObj{"type": "string", "maxLength": maxMetadataValue}
	s := jsonObj{
		"type": []any{"object", "null"},
		"propertyNames": jsonObj{
			"minLength": 1, "maxLength": maxMetadataKey,
			"pattern": "^[^" + controlClass + "\\[\\]]*$",
		},
	}
	if patch {
		value["type"] = []any{"string", "null"}
		s["description"] = "merged into the case's metadata; null removes a key"
	} else {
		s["maxProperties"] = maxMetadataPairs
	}
	s["additionalProperties"] = value
	return s
}

// fieldSpecDef is a field spec, with its example shaped by its type and
// its options required for an enum field and refused for the others.
func fieldSpecDef() jsonObj {
	spec := reflect.TypeFor[FieldSpec]()
	s := objectSchema(reflect.TypeFor[fieldSpecRules](), spec, map[string]jsonObj{
		"required": {"type": []any{"boolean", "null"}},
		"example":  {"description": "a valid value of the field's type; null means none"},
	})
	s["properties"].(jsonObj)["options"].(jsonObj)["uniqueItems"] = true
	conds := []any{jsonObj{
		"if": ifType(FieldEnum),
		"then": jsonObj{
			"required":   []any{"options"},
			"properties": jsonObj{"options": jsonObj{"type": "array"}},
		},
		"else": jsonObj{"properties": jsonObj{"options": jsonObj{"type": "null"}}},
	}}
	for _, t := range FieldTypes() {
		conds = append(conds, jsonObj{
			"if": ifType(t),
			"then": jsonObj{"properties": jsonObj{
				"example": nullable(ref("value." + string(t))),
			}},
		})
	}
	s["allOf"] = conds
	return s
}

func ifType(t FieldType) jsonObj {
	return jsonObj{
		"required":   []any{"type"},
		"properties": jsonObj{"type": jsonObj{"const": string(t)}},
	}
}

// answerTags are the format rules of the string answers to each field
// type, as the tags of rules.go say them. Their length limits are not
// here: valueDef asks stringRule, the check the library runs on answers.
var answerTags = map[FieldType][]string{
	FieldString: {"notblank", "oneline"},
	FieldText:   {"notblank", "text"},
	FieldDate:   {"date"},
	FieldEmail:  {"email"},
	FieldPhone:  {"e164"},
	FieldURL:    {"http_url"},
	FieldEnum:   {"notblank"},
	FieldFile:   {"opaque"},
}

// valueDef is the schema of an answer to a field of type t.
func valueDef(t FieldType) jsonObj {
	switch t {
	case FieldNumber:
		return jsonObj{"type": "number"}
	case FieldInteger:
		return jsonObj{"type": "integer", "minimum": int64(math.MinInt64),
			"maximum": int64(math.MaxInt64)}
	case FieldBoolean:
		return jsonObj{"type": "boolean"}
	case FieldAddress:
		return ref("address")
	case FieldDateTime:
		return ref("timestamp")
	}
	tags, ok := answerTags[t]
	if !ok {
		panic("cases: no schema for the answers of field type " + string(t))
	}
	if limit := answerLimit(t); limit > 0 {
		tags = append(slices.Clone(tags), "max="+strconv.Itoa(limit))
	}
	s, _ := typeSchema(reflect.TypeFor[string](), tags)
	if t == FieldEnum {
		s["description"] = "one of the field's options"
	}
	return s
}

// answerLimit returns the length limit, in characters, of a string answer
// to a field of type t, or 0 for none. The limit is the one stringRule
// applies, whatever the answer; "x" is any answer.
func answerLimit(t FieldType) int {
	limit, _, _ := stringRule(t, "x")
	return limit
}

// countryCodes returns the codes that the iso3166_1_alpha2 rule accepts,
// found by asking it about every pair of ASCII letters.
func countryCodes() []any {
	var codes []any
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	for _, a := range letters {
		for _, b := range letters {
			code := string([]rune{a, b})
			if rules.Var(code, "iso3166_1_alpha2") == nil {
				codes = append(codes, code)
			}
		}
	}
	return codes
}

// terminalStatuses returns the terminal statuses, in the order of
// [Statuses].
func terminalStatuses() []any {
	var out []any
	for _, s := range Statuses() {
		if s.IsTerminal() {
			out = append(out, string(s))
		}
	}
	return out
}

// reasonsOf returns the resolution reasons that belong to status st.
func reasonsOf(st Status) []any {
	var out []any
	for _, r := range ResolutionReasons() {
		if r.Status() == st {
			out = append(out, string(r))
		}
	}
	return out
}
