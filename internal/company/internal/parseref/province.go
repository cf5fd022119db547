package parseref

// ProvinceOf returns the province of a prefecture-level city, both as
// Region writes them (深圳 → 广东), or "" when city is not one.
func ProvinceOf(city string) string { return provinceOf[city] }
