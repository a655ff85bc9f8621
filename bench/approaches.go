package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/casekit/cases"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/go-playground/validator/v10"
	gojson "github.com/goccy/go-json"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xeipuuv/gojsonschema"
)

// The names of the approaches, as they appear in benchmark names.
const (
	Floor        = "json_unmarshal"
	JSONTags     = "json_validator"
	GoJSONTags   = "gojson_validator"
	Santhosh     = "santhosh_jsonschema"
	GoJSONSchema = "gojsonschema"
	KinOpenAPI   = "kin_openapi"
	Cases        = "cases"
)

// Approach is one way to decode and validate an open body.
type Approach struct {
	// Name identifies the approach; see the constants.
	Name string

	// Check decodes and validates body, and returns nil when the body is
	// accepted.
	Check func(body []byte) error

	// Render turns an error of Check into the bytes of a 400 answer.
	Render func(err error) []byte
}

// Approaches returns every approach, the floor first and cases last. The
// hand-written OpenAPI document and JSON Schema are read from dir.
func Approaches(dir string) ([]Approach, error) {
	kin, err := newKin(filepath.Join(dir, "openapi.json"))
	if err != nil {
		return nil, err
	}
	schema, err := os.ReadFile(filepath.Join(dir, "open.schema.json"))
	if err != nil {
		return nil, err
	}
	santhosh, err := newSanthosh(schema)
	if err != nil {
		return nil, err
	}
	gjs, err := newGoJSONSchema(schema)
	if err != nil {
		return nil, err
	}
	tags := newTagValidator()
	return []Approach{
		{Name: Floor, Check: checkFloor, Render: errorString},
		{Name: JSONTags, Check: func(b []byte) error { return checkJSONTags(tags, b) },
			Render: errorString},
		{Name: GoJSONTags, Check: func(b []byte) error { return checkGoJSONTags(tags, b) },
			Render: errorString},
		{Name: Santhosh, Check: santhosh, Render: errorString},
		{Name: GoJSONSchema, Check: gjs, Render: errorString},
		{Name: KinOpenAPI, Check: kin, Render: errorString},
		{Name: Cases, Check: checkCases, Render: renderProblem},
	}, nil
}

// errorString renders an error as a handler that answers with its text
// does.
func errorString(err error) []byte { return []byte(err.Error()) }

// checkCases is the library's strict decoding and validation.
func checkCases(body []byte) error {
	_, err := cases.Decoder{}.Open(body)
	return err
}

// renderProblem renders an error of cases as problem details, as a
// handler answering 400 does.
func renderProblem(err error) []byte {
	b, merr := json.Marshal(cases.ProblemFor(err))
	if merr != nil {
		panic("bench: rendering problem details: " + merr.Error())
	}
	return b
}

// plainOpen mirrors cases.OpenRequest with a concrete request type, so that
// encoding/json can decode an open body into it, as the root package's
// benchmark does.
type plainOpen struct {
	ParentType cases.ParentType                `json:"parent_type"`
	ParentID   string                          `json:"parent_id"`
	Kind       cases.Kind                      `json:"kind"`
	Status     cases.Status                    `json:"status"`
	Summary    string                          `json:"summary"`
	Details    *string                         `json:"details"`
	Request    cases.MissingInformationRequest `json:"request"`
	DueAt      *time.Time                      `json:"due_at"`
	Metadata   cases.Metadata                  `json:"metadata"`
}

// checkFloor decodes body with encoding/json and validates nothing.
func checkFloor(body []byte) error {
	var o plainOpen
	return json.Unmarshal(body, &o)
}

// checkJSONTags decodes body with encoding/json, refusing unknown keys and
// data after the value, then validates the tags of openBody.
func checkJSONTags(v *validator.Validate, body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var o openBody
	if err := dec.Decode(&o); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("data after the body")
	}
	return v.Struct(&o)
}

// checkGoJSONTags is checkJSONTags with goccy/go-json.
func checkGoJSONTags(v *validator.Validate, body []byte) error {
	dec := gojson.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var o openBody
	if err := dec.Decode(&o); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("data after the body")
	}
	return v.Struct(&o)
}

// newSanthosh compiles the JSON Schema with format assertion on.
func newSanthosh(schema []byte) (func([]byte) error, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, err
	}
	const url = "https://casekit.example/bench/open.schema.json"
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	sch, err := c.Compile(url)
	if err != nil {
		return nil, err
	}
	return func(body []byte) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
		if err != nil {
			return err
		}
		return sch.Validate(v)
	}, nil
}

// newGoJSONSchema compiles the JSON Schema for gojsonschema.
func newGoJSONSchema(schema []byte) (func([]byte) error, error) {
	sch, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(schema))
	if err != nil {
		return nil, err
	}
	return func(body []byte) error {
		res, err := sch.Validate(gojsonschema.NewBytesLoader(body))
		if err != nil {
			return err
		}
		if res.Valid() {
			return nil
		}
		msgs := make([]string, len(res.Errors()))
		for i, e := range res.Errors() {
			msgs[i] = e.String()
		}
		return errors.New(strings.Join(msgs, "\n"))
	}, nil
}

// newKin loads the OpenAPI document and returns a check that validates a
// POST /v1/case request with openapi3filter, reporting every problem. The
// route is found once: a service's router has found it before validation.
// The document names the format email, which kin-openapi defines only on
// request; its own permissive pattern is used.
func newKin(path string) (func([]byte) error, error) {
	openapi3.DefineStringFormatValidator("email",
		openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail))
	ctx := context.Background()
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(ctx); err != nil {
		return nil, err
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, "/v1/case", nil)
	if err != nil {
		return nil, err
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		return nil, fmt.Errorf("finding POST /v1/case: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	opts := &openapi3filter.Options{MultiError: true}
	return func(body []byte) error {
		// A shallow copy with its own body stands for the request that a
		// service already holds.
		r := *req
		r.Body = io.NopCloser(bytes.NewReader(body))
		return openapi3filter.ValidateRequest(ctx, &openapi3filter.RequestValidationInput{
			Request: &r, PathParams: params, Route: route, Options: opts,
		})
	}, nil
}
