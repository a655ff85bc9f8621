package cases

// Address is the value of an address field and the address of a successor
// registered agent. Every part is one line of at most 255 characters.
type Address struct {
	// StreetLine1 is the first line of the street address; required.
	StreetLine1 string `json:"street_line_1"`

	// StreetLine2 is the second line of the street address; nil when
	// there is none.
	StreetLine2 *string `json:"street_line_2,omitempty"`

	// City is the city or town; required.
	City string `json:"city"`

	// County is the county or district; nil when there is none.
	County *string `json:"county,omitempty"`

	// Region is the state, province or region; required.
	Region string `json:"region"`

	// PostalCode is the postal or ZIP code; required.
	PostalCode string `json:"postal_code"`

	// Country is an ISO 3166-1 alpha-2 code in upper case, such as "US";
	// required.
	Country string `json:"country"`
}

// addressKeys are the keys of an address object.
var addressKeys = []string{
	"street_line_1", "street_line_2", "city", "county", "region", "postal_code", "country",
}

// addressRules declares the rules of an [Address].
type addressRules struct {
	streetLine1 string  `name:"street_line_1" validate:"required,notblank,max=255,oneline"`
	streetLine2 *string `name:"street_line_2" validate:"omitnil,max=255,oneline"`
	city        string  `name:"city" validate:"required,notblank,max=255,oneline"`
	county      *string `name:"county" validate:"omitnil,max=255,oneline"`
	region      string  `name:"region" validate:"required,notblank,max=255,oneline"`
	postalCode  string  `name:"postal_code" validate:"required,notblank,max=255,oneline"`
	country     string  `name:"country" validate:"required,notblank,iso3166_1_alpha2"`
}

func rulesOfAddress(a *Address) *addressRules {
	if a == nil {
		return nil
	}
	return &addressRules{
		streetLine1: a.StreetLine1, streetLine2: a.StreetLine2, city: a.City,
		county: a.County, region: a.Region, postalCode: a.PostalCode, country: a.Country,
	}
}

// checkAddress reports the problems of an address answer, given in the
// JSON value model or as an Address.
func checkAddress(v any, at string, rep *report) {
	switch a := v.(type) {
	case Address:
		rep.check(at, rulesOfAddress(&a))
		return
	case *Address:
		if a != nil {
			rep.check(at, rulesOfAddress(a))
			return
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		rep.add(at, CodeInvalidType, "value must be an object")
		return
	}
	a, mistyped := addressOf(m, at, rep)
	// A part of the wrong type is left empty in a; its type error says
	// all there is to say about it.
	var sub report
	sub.check(at, rulesOfAddress(&a))
	for _, it := range sub.items {
		if !containsString(mistyped, it.Pointer) {
			rep.items = append(rep.items, it)
		}
	}
}

// addressOf reads an address in the JSON value model into an Address,
// reporting unknown keys and parts that are not strings. It returns the
// pointers of the parts of the wrong type.
func addressOf(m map[string]any, at string, rep *report) (Address, []string) {
	var a Address
	parts := map[string]*string{
		"street_line_1": &a.StreetLine1, "city": &a.City, "region": &a.Region,
		"postal_code": &a.PostalCode, "country": &a.Country,
	}
	var mistyped []string
	for k, x := range m {
		if !containsString(addressKeys, k) {
			rep.add(pointerJoin(at, k), CodeUnknownField, "key is not defined here")
			continue
		}
		if x == nil {
			continue
		}
		s, isStr := x.(string)
		if !isStr {
			rep.add(pointerJoin(at, k), CodeInvalidType, k+" must be a string")
			mistyped = append(mistyped, at+"/"+k)
			continue
		}
		switch k {
		case "street_line_2":
			a.StreetLine2 = &s
		case "county":
			a.County = &s
		default:
			*parts[k] = s
		}
	}
	return a, mistyped
}

// readAddress reads an address object.
func readAddress(r *reader) *Address {
	a := &Address{}
	r.object("address", func(key string) {
		switch key {
		case "street_line_1":
			a.StreetLine1 = r.reqStr(key)
		case "street_line_2":
			a.StreetLine2, _ = r.optStr(key)
		case "city":
			a.City = r.reqStr(key)
		case "county":
			a.County, _ = r.optStr(key)
		case "region":
			a.Region = r.reqStr(key)
		case "postal_code":
			a.PostalCode = r.reqStr(key)
		case "country":
			a.Country = r.reqStr(key)
		default:
			r.unknown()
		}
	})
	return a
}

// appendAddress appends a, or null when a is nil.
func appendAddress(b []byte, a *Address, err *error) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	// The keys are in sorted order, as an address decoded into a map is
	// encoded, so that both forms give the same bytes.
	b = append(b, `{"city":`...)
	b = appendString(b, a.City, err)
	b = append(b, `,"country":`...)
	b = appendString(b, a.Country, err)
	if a.County != nil {
		b = append(b, `,"county":`...)
		b = appendString(b, *a.County, err)
	}
	b = append(b, `,"postal_code":`...)
	b = appendString(b, a.PostalCode, err)
	b = append(b, `,"region":`...)
	b = appendString(b, a.Region, err)
	b = append(b, `,"street_line_1":`...)
	b = appendString(b, a.StreetLine1, err)
	if a.StreetLine2 != nil {
		b = append(b, `,"street_line_2":`...)
		b = appendString(b, *a.StreetLine2, err)
	}
	return append(b, '}')
}
