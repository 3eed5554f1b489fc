package ml

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Params are an estimator's hyperparameters by field name, e.g.
// Params{"MaxDepth": 5, "NTrees": 200}. Keys are the exported field names of
// the estimator's struct.
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
			fv.SetUint(uint64(v.Int()))
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
