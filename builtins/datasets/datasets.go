// Package datasets holds classic public datasets from R 4.2.2's datasets and
// MASS packages, embedded in the binary, with their descriptions and R's
// factor level orders.
//
//	datasets.List()              // what is there
//	iris := datasets.MustLoad("iris")
//	f, err := datasets.Load("mtcars")
//
// Sources: the R help pages of each dataset (R Core Team, "R: A Language and
// Environment for Statistical Computing", package datasets; Venables and
// Ripley, "Modern Applied Statistics with S", package MASS).
package datasets

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
)

//go:embed data/*.csv
var files embed.FS

// Info describes one built-in dataset.
type Info struct {
	// Name is what Load takes.
	Name string
	// Title is a one-line description.
	Title string
	// Description says what the rows and columns are.
	Description string
	// Source cites where the data come from (the R help page).
	Source string
	// Rows and Cols are the shape of the frame.
	Rows, Cols int
}

type spec struct {
	Info
	types  map[string]string
	levels map[string][]string
	// ordered lists the columns that are ordered factors in R
	// (sapply(ds, is.ordered)); Load marks them with frame.AsOrdered.
	ordered []string
}

var specs = []spec{
	{Info: Info{Name: "airquality", Title: "New York air quality measurements, May to September 1973",
		Description: "Daily readings: Ozone (ppb, mean 1300-1500 h at Roosevelt Island), Solar.R (solar radiation, Langleys), Wind (mph, LaGuardia), Temp (max daily °F), Month (5-9), Day (1-31). Ozone and Solar.R have missing values.",
		Source:      "R datasets::airquality; New York State Department of Conservation and the National Weather Service (Chambers et al. 1983)."}},
	{Info: Info{Name: "Boston", Title: "Housing values in suburbs of Boston",
		Description: "506 census tracts: crim (crime rate), zn, indus, chas (Charles River dummy), nox, rm (rooms), age, dis, rad, tax, ptratio, black, lstat (% lower status), medv (median home value, $1000s).",
		Source:      "MASS::Boston; Harrison and Rubinfeld (1978), J. Environ. Economics and Management 5, 81-102."}},
	{Info: Info{Name: "cars", Title: "Speed and stopping distances of cars (1920s)",
		Description: "speed (mph) and dist (stopping distance, ft) of 50 cars.",
		Source:      "R datasets::cars; Ezekiel (1930), Methods of Correlation Analysis."}},
	{Info: Info{Name: "ChickWeight", Title: "Weight versus age of chicks on different diets",
		Description: "weight (g) of chicks at Time (days since birth), Chick (ordered by final weight, as in R), Diet (1-4).",
		Source:      "R datasets::ChickWeight; Crowder and Hand (1990), Analysis of Repeated Measures."},
		types:   map[string]string{"Chick": "string", "Diet": "string"},
		levels:  map[string][]string{"Chick": strings.Split("18|16|15|13|9|20|10|8|17|19|4|6|11|3|1|12|2|5|14|7|24|30|22|23|27|28|26|25|29|21|33|37|36|31|39|38|32|40|34|35|44|45|43|41|47|49|46|50|42|48", "|"), "Diet": {"1", "2", "3", "4"}},
		ordered: []string{"Chick"}},
	{Info: Info{Name: "esoph", Title: "Smoking, alcohol and (o)esophageal cancer",
		Description: "Case-control study in Ille-et-Vilaine, France: agegp (age group), alcgp (alcohol, g/day), tobgp (tobacco, g/day) — ordered factors — ncases, ncontrols.",
		Source:      "R datasets::esoph; Breslow and Day (1980), Statistical Methods in Cancer Research, vol. 1."},
		levels: map[string][]string{
			"agegp": {"25-34", "35-44", "45-54", "55-64", "65-74", "75+"},
			"alcgp": {"0-39g/day", "40-79", "80-119", "120+"},
			"tobgp": {"0-9g/day", "10-19", "20-29", "30+"}},
		ordered: []string{"agegp", "alcgp", "tobgp"}},
	{Info: Info{Name: "faithful", Title: "Old Faithful geyser eruptions",
		Description: "eruptions (eruption time, min) and waiting (time to next eruption, min) for 272 eruptions in Yellowstone National Park.",
		Source:      "R datasets::faithful; Härdle (1991), Smoothing Techniques with Implementation in S."}},
	{Info: Info{Name: "infert", Title: "Infertility after spontaneous and induced abortion",
		Description: "Matched case-control study: education (0-5yrs, 6-11yrs, 12+ yrs), age, parity, induced, case (1 = case), spontaneous, stratum, pooled.stratum.",
		Source:      "R datasets::infert; Trichopoulos et al. (1976), Br. J. of Obst. and Gynaec. 83, 645-650."},
		levels: map[string][]string{"education": {"0-5yrs", "6-11yrs", "12+ yrs"}}},
	{Info: Info{Name: "InsectSprays", Title: "Effectiveness of insect sprays",
		Description: "count of insects in agricultural experimental units treated with spray A-F.",
		Source:      "R datasets::InsectSprays; Beall (1942), Biometrika 32, 243-262."}},
	{Info: Info{Name: "iris", Title: "Edgar Anderson's iris data",
		Description: "Sepal.Length, Sepal.Width, Petal.Length, Petal.Width (cm) of 50 flowers from each of 3 Species (setosa, versicolor, virginica).",
		Source:      "R datasets::iris; Fisher (1936), Annals of Eugenics 7, 179-188; Anderson (1935)."}},
	{Info: Info{Name: "mtcars", Title: "Motor Trend car road tests (1974)",
		Description: "32 cars (model): mpg, cyl, disp (cu.in.), hp, drat (rear axle ratio), wt (1000 lbs), qsec (1/4 mile time), vs (0 V-shaped, 1 straight), am (0 automatic, 1 manual), gear, carb.",
		Source:      "R datasets::mtcars; Henderson and Velleman (1981), Biometrics 37, 391-411."}},
	{Info: Info{Name: "Pima_te", Title: "Diabetes in Pima Indian women (test set)",
		Description: "npreg, glu (plasma glucose), bp (diastolic blood pressure), skin (triceps skin fold), bmi, ped (diabetes pedigree), age, type (diabetic: No/Yes).",
		Source:      "MASS::Pima.te; Smith et al. (1988), US National Institute of Diabetes and Digestive and Kidney Diseases."}},
	{Info: Info{Name: "Pima_tr", Title: "Diabetes in Pima Indian women (training set)",
		Description: "npreg, glu, bp, skin, bmi, ped, age, type (diabetic: No/Yes); 200 women.",
		Source:      "MASS::Pima.tr; Smith et al. (1988)."}},
	{Info: Info{Name: "PlantGrowth", Title: "Results from an experiment on plant growth",
		Description: "Dried weight of plants under a control (ctrl) and two treatments (trt1, trt2).",
		Source:      "R datasets::PlantGrowth; Dobson (1983), An Introduction to Statistical Modelling."}},
	{Info: Info{Name: "sleep", Title: "Student's sleep data",
		Description: "extra hours of sleep of 10 patients (ID) with two drugs (group 1, 2).",
		Source:      "R datasets::sleep; Cushny and Peebles (1905), J. Physiology 32, 501-510; Student (1908)."},
		types:  map[string]string{"group": "string", "ID": "string"},
		levels: map[string][]string{"group": {"1", "2"}, "ID": {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}}},
	{Info: Info{Name: "Titanic", Title: "Survival of passengers on the Titanic (flat table)",
		Description: "Freq of people by Class (1st, 2nd, 3rd, Crew), Sex, Age (Child, Adult) and Survived (No, Yes).",
		Source:      "R datasets::Titanic (as.data.frame); Dawson (1995), J. Statistics Education 3."},
		levels: map[string][]string{"Class": {"1st", "2nd", "3rd", "Crew"}, "Sex": {"Male", "Female"}, "Age": {"Child", "Adult"}, "Survived": {"No", "Yes"}}},
	{Info: Info{Name: "ToothGrowth", Title: "Vitamin C and tooth growth in guinea pigs",
		Description: "len (odontoblast length), supp (OJ orange juice, VC ascorbic acid), dose (0.5, 1, 2 mg/day).",
		Source:      "R datasets::ToothGrowth; Crampton (1947), J. Nutrition 33, 491-504."}},
	{Info: Info{Name: "USArrests", Title: "Violent crime rates by US state (1973)",
		Description: "Per 100,000 residents: Murder, Assault, Rape arrests; UrbanPop (% urban); one row per state.",
		Source:      "R datasets::USArrests; World Almanac and Book of Facts 1975; McNeil (1977)."}},
	{Info: Info{Name: "warpbreaks", Title: "Breaks in yarn during weaving",
		Description: "breaks per loom, wool type (A, B) and tension (L, M, H).",
		Source:      "R datasets::warpbreaks; Tippett (1950), Technological Applications of Statistics."},
		levels: map[string][]string{"tension": {"L", "M", "H"}}},
	{Info: Info{Name: "women", Title: "Average heights and weights of American women aged 30-39",
		Description: "height (in) and weight (lbs).",
		Source:      "R datasets::women; The World Almanac and Book of Facts, 1975."}},
}

func find(name string) (*spec, error) {
	for k := range specs {
		if specs[k].Name == name {
			return &specs[k], nil
		}
	}
	for k := range specs {
		if strings.EqualFold(specs[k].Name, name) || strings.EqualFold(strings.ReplaceAll(specs[k].Name, "_", "."), name) {
			return &specs[k], nil
		}
	}
	names := Names()
	msg := fmt.Sprintf("datasets: no dataset named %q", name)
	if best := frame.Closest(name, names); best != "" {
		msg += fmt.Sprintf("; did you mean %q?", best)
	}
	msg += " (datasets.List() shows all " + fmt.Sprint(len(names)) + ")"
	return nil, fmt.Errorf("%s", msg)
}

// Names returns the names of the built-in datasets, sorted (case-folded).
func Names() []string {
	out := make([]string, len(specs))
	for k, s := range specs {
		out[k] = s.Name
	}
	sort.Slice(out, func(a, b int) bool { return strings.ToLower(out[a]) < strings.ToLower(out[b]) })
	return out
}

// Load returns a built-in dataset as a frame, with R's factor level orders
// and R's ordered factors marked (frame.AsOrdered): esoph's agegp, alcgp
// and tobgp and ChickWeight's Chick, the only ordered factors of these
// datasets in R, so that models code them with polynomial contrasts as R
// does. An unknown name is an error that suggests the closest name.
func Load(name string) (*frame.Frame, error) {
	s, err := find(name)
	if err != nil {
		return nil, err
	}
	data, err := files.ReadFile("data/" + s.Name + ".csv")
	if err != nil {
		return nil, fmt.Errorf("datasets: %v", err)
	}
	f, err := frame.ParseCSV(string(data), frame.CSVOptions{Types: s.types, NA: []string{"NA"}})
	if err != nil {
		return nil, fmt.Errorf("datasets: %s: %v", s.Name, err)
	}
	for col, lv := range s.levels {
		f = f.SetLevels(col, lv...)
	}
	for _, col := range s.ordered {
		f = f.AsOrdered(col)
	}
	return f, nil
}

// MustLoad is Load that panics with the error (at the prompt the panic is
// reported as an error and the session goes on).
func MustLoad(name string) *frame.Frame {
	f, err := Load(name)
	if err != nil {
		panic(err)
	}
	return f
}

// Describe returns the description of a dataset.
func Describe(name string) (Info, error) {
	s, err := find(name)
	if err != nil {
		return Info{}, err
	}
	info := s.Info
	if f, err := Load(s.Name); err == nil {
		info.Rows, info.Cols = f.Shape()
	}
	return info, nil
}

// Catalog is the list of built-in datasets; it displays as a table.
type Catalog []Info

// List returns the catalog of built-in datasets (name, shape, title).
func List() Catalog {
	var out Catalog
	for _, name := range Names() {
		info, _ := Describe(name)
		out = append(out, info)
	}
	return out
}

// Display shows the catalog as a table.
func (c Catalog) Display(o display.Options) display.Bundle {
	o = o.Normalized()
	t := &display.Table{Title: fmt.Sprintf("%d built-in datasets (datasets.Load(name); Describe(name) for details)", len(c)),
		Headers: []string{"name", "rows", "cols", "title"},
		Align:   []display.Align{display.Left, display.Right, display.Right, display.Left}, MaxCellWidth: max(20, o.Width-30)}
	for _, i := range c {
		t.Rows = append(t.Rows, []string{i.Name, fmt.Sprint(i.Rows), fmt.Sprint(i.Cols), i.Title})
	}
	return t.Bundle("datasets", o)
}

// String returns the plain-text table.
func (c Catalog) String() string { return c.Display(display.Plain).Text }

// Display shows a dataset's description.
func (i Info) Display(o display.Options) display.Bundle {
	s := fmt.Sprintf("%s — %s\n%d rows × %d columns\n%s\nSource: %s", i.Name, i.Title, i.Rows, i.Cols, i.Description, i.Source)
	return display.Bundle{Kind: "text", Text: s, Markdown: fmt.Sprintf("**%s** — %s\n\n%s\n\n*Source:* %s", i.Name, i.Title, i.Description, i.Source)}
}

// String returns the plain-text description.
func (i Info) String() string { return i.Display(display.Plain).Text }
