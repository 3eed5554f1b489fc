package ml

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Params are an estimator's hyperparameters by field name, e.g.
// Params{"MaxDepth": 5, "NTrees": 200}. Keys are the exported field names of
// the estimator's struct; SetParams also takes scikit-learn's spellings
// (max_depth, ccp_alpha, n_estimators, n_neighbors, random_state).
type Params map[string]any

// String lists the parameters sorted by name: "MaxDepth=5 NTrees=200".
func (p Params) String() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		if f, ok := p[k].(float64); ok {
			parts[i] = k + "=" + numDigits(f, 4)
			continue
		}
		parts[i] = fmt.Sprintf("%s=%v", k, p[k])
	}
	return strings.Join(parts, " ")
}

// paramsOf returns the exported fields of the struct *v as Params.
func paramsOf(v any) Params {
	rv := reflect.ValueOf(v).Elem()
	rt := rv.Type()
	p := Params{}
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		p[f.Name] = rv.Field(i).Interface()
	}
	return p
}

// setParams assigns p to the exported fields of *v, converting numbers
// between int and float kinds; unknown names are an error listing the
// known ones.
func setParams(v any, p Params) error {
	rv := reflect.ValueOf(v).Elem()
	rt := rv.Type()
	for name, val := range p {
		f, ok := rt.FieldByName(name)
		if !ok || !f.IsExported() || f.Anonymous {
			f, ok = paramField(rt, name)
		}
		if !ok || !f.IsExported() || f.Anonymous {
			if hint, ok := invertedParams[strings.ToLower(name)]; ok {
				return fmt.Errorf("ml: %s has no parameter %q; %s", rt.Name(), name, hint)
			}
			known := make([]string, 0)
			for k := range paramsOf(v) {
				known = append(known, k)
			}
			sort.Strings(known)
			return fmt.Errorf("ml: %s has no parameter %q (parameters: %s)", rt.Name(), name, strings.Join(known, ", "))
		}
		fv := rv.FieldByIndex(f.Index)
		if err := assign(fv, val); err != nil {
			return fmt.Errorf("ml: %s.%s: %v", rt.Name(), name, err)
		}
	}
	return nil
}

// sklearnAliases maps scikit-learn parameter names whose gostat field is
// named differently.
var sklearnAliases = map[string]string{"n_estimators": "NTrees", "n_neighbors": "K", "n_clusters": "K", "random_state": "Seed"}

// invertedParams explains scikit-learn booleans that gostat inverts (so
// that the zero value is the default).
var invertedParams = map[string]string{
	"fit_intercept": "use NoIntercept (fit_intercept=False is NoIntercept=true)",
	"bootstrap":     "use NoBootstrap (bootstrap=False is NoBootstrap=true)",
}

// paramField finds the field for a parameter name written another way:
// scikit-learn's snake_case (max_depth → MaxDepth, ccp_alpha → CCPAlpha),
// another case (c → C), or a scikit-learn alias (n_estimators → NTrees).
func paramField(rt reflect.Type, name string) (reflect.StructField, bool) {
	if a, ok := sklearnAliases[strings.ToLower(name)]; ok {
		if f, ok := rt.FieldByName(a); ok {
			return f, true
		}
	}
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if f.IsExported() && !f.Anonymous && norm(f.Name) == norm(name) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func assign(fv reflect.Value, val any) error {
	if val == nil {
		fv.Set(reflect.Zero(fv.Type()))
		return nil
	}
	v := reflect.ValueOf(val)
	if v.Type().AssignableTo(fv.Type()) {
		fv.Set(v)
		return nil
	}
	switch fv.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		switch v.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			fv.SetInt(v.Int())
			return nil
		case reflect.Float64, reflect.Float32:
			f := v.Float()
			if f != float64(int64(f)) {
				return fmt.Errorf("want a whole number, got %v", f)
			}
			fv.SetInt(int64(f))
			return nil
		}
	case reflect.Uint64, reflect.Uint:
		switch v.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			if v.Int() < 0 {
				return fmt.Errorf("want a number ≥ 0, got %d", v.Int())
			}
			fv.SetUint(uint64(v.Int()))
			return nil
		}
	case reflect.String:
		// a number for a string parameter (MaxFeatures: 0.5 or 3); a whole
		// float keeps its decimal point, so 1.0 stays a fraction (all
		// features) as in scikit-learn
		switch v.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			fv.SetString(strconv.FormatInt(v.Int(), 10))
			return nil
		case reflect.Float64, reflect.Float32:
			s := strconv.FormatFloat(v.Float(), 'f', -1, 64)
			if !strings.ContainsAny(s, ".eEnN") {
				s += ".0"
			}
			fv.SetString(s)
			return nil
		}
	case reflect.Float64, reflect.Float32:
		switch v.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			fv.SetFloat(float64(v.Int()))
			return nil
		case reflect.Float64, reflect.Float32:
			fv.SetFloat(v.Float())
			return nil
		}
	}
	if v.Type().ConvertibleTo(fv.Type()) && v.Kind() == fv.Kind() {
		fv.Set(v.Convert(fv.Type()))
		return nil
	}
	return fmt.Errorf("cannot use %v (%T) as %s", val, val, fv.Type())
}

// cloneParams returns a new, unfitted *T with the same exported fields as v.
func cloneParams(v any) any {
	rv := reflect.ValueOf(v).Elem()
	nv := reflect.New(rv.Type())
	for i := 0; i < rv.NumField(); i++ {
		if rv.Type().Field(i).IsExported() && !rv.Type().Field(i).Anonymous {
			nv.Elem().Field(i).Set(rv.Field(i))
		}
	}
	return nv.Interface()
}
