package tabular

// CheckEncoding reports whether name is an --encoding crmkit reads, with
// the list of known ones in the error's hint (config validate).
func CheckEncoding(name string) error {
	_, err := namedEncoding(name, nil)
	return err
}
