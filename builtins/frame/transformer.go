package frame

// Transformer is a feature-preparation step that learns its parameters from
// training data (Fit) and applies them unchanged to any frame (Transform),
// so test data never leaks into training. FitTransform is Fit followed by
// Transform on the same frame. Pipelines in package ml chain Transformers.
type Transformer interface {
	Fit(f *Frame) error
	Transform(f *Frame) (*Frame, error)
	FitTransform(f *Frame) (*Frame, error)
}
