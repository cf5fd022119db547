package sample

// firstNames are English given names; nick is the short form people use
// when they re-enter a contact ("Bob Smith" for "Robert Smith"), "" if none.
var firstNames = []struct{ name, nick string }{
	{"James", "Jim"}, {"John", "Jack"}, {"Robert", "Bob"}, {"Michael", "Mike"}, {"William", "Bill"},
	{"David", "Dave"}, {"Richard", "Rick"}, {"Joseph", "Joe"}, {"Thomas", "Tom"}, {"Charles", "Chuck"},
	{"Christopher", "Chris"}, {"Daniel", "Dan"}, {"Matthew", "Matt"}, {"Anthony", "Tony"}, {"Mark", ""},
	{"Steven", "Steve"}, {"Paul", ""}, {"Andrew", "Andy"}, {"Joshua", "Josh"}, {"Kevin", ""},
	{"Brian", ""}, {"George", ""}, {"Edward", "Ed"}, {"Ryan", ""}, {"Jason", ""},
	{"Jacob", "Jake"}, {"Gary", ""}, {"Eric", ""}, {"Jonathan", "Jon"}, {"Stephen", "Steve"},
	{"Mary", ""}, {"Patricia", "Pat"}, {"Jennifer", "Jen"}, {"Linda", ""}, {"Elizabeth", "Liz"},
	{"Barbara", "Barb"}, {"Susan", "Sue"}, {"Jessica", "Jess"}, {"Sarah", ""}, {"Karen", ""},
	{"Lisa", ""}, {"Nancy", ""}, {"Sandra", "Sandy"}, {"Ashley", ""}, {"Emily", ""},
	{"Donna", ""}, {"Michelle", ""}, {"Carol", ""}, {"Amanda", "Mandy"}, {"Melissa", "Mel"},
	{"Deborah", "Deb"}, {"Stephanie", "Steph"}, {"Rebecca", "Becky"}, {"Laura", ""}, {"Sharon", ""},
	{"Cynthia", "Cindy"}, {"Amy", ""}, {"Angela", "Angie"}, {"Anna", ""}, {"Olivia", "Liv"},
	{"Emma", ""}, {"Sophia", "Sophie"}, {"Grace", ""}, {"Chloe", ""}, {"Kenneth", "Ken"},
	{"Timothy", "Tim"}, {"Samuel", "Sam"}, {"Benjamin", "Ben"}, {"Nicholas", "Nick"}, {"Alexander", "Alex"},
}

// lastNames are English family names, a few of them Asian as in any
// international customer list.
var lastNames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
	"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
	"Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
	"Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
	"Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
	"Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
	"Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
	"Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
	"Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
	"Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
	"Chen", "Wang", "Tan", "Lim", "Wong",
}

// commonEnglishNames (first, last indexes) are drawn often on purpose, like
// commonNames: "John Smith" at two companies is two people.
var commonEnglishNames = []struct{ first, last int }{
	{1, 0}, {3, 1}, {5, 3}, {0, 0}, {30, 0}, {2, 2}, {3, 0}, {31, 1}, {5, 0}, {8, 3},
}

// English names Chinese contacts use at work (David Wang).
var englishGivenForZH = []string{
	"David", "Linda", "Kevin", "Tony", "Jack", "Lily", "Amy", "Eric", "Grace", "Vincent",
	"Jason", "Cindy", "Peter", "Helen", "Frank", "Annie", "Leo", "Echo", "Sunny", "Alan",
}
