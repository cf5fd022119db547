package sample

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func englishRows(t *testing.T, dialect string, n int) (rows []map[string]string, entity map[string]string) {
	t.Helper()
	var out, truth bytes.Buffer
	if err := WriteEnglishCSV(&out, dialect, n, 3, 0, &truth); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tr, err := csv.NewReader(&truth).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != n+1 || len(tr) != n+1 {
		t.Fatalf("%d rows and %d truth lines, want %d", len(recs)-1, len(tr)-1, n)
	}
	entity = map[string]string{}
	for _, l := range tr[1:] {
		if _, dup := entity[l[0]]; dup {
			t.Fatalf("id %s twice in the truth", l[0])
		}
		entity[l[0]] = l[1]
	}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows, entity
}

// The contacts hold what makes English data hard: the same person under a
// nickname and with accents folded, and different people sharing their
// company's e-mail domain.
func TestEnglishContactsHardCases(t *testing.T) {
	rows, entity := englishRows(t, DialectHubSpotContacts, 3000)
	byEntity := map[string][]map[string]string{}
	for _, r := range rows {
		byEntity[entity[r["Record ID"]]] = append(byEntity[entity[r["Record ID"]]], r)
	}
	nick, folded, sharedDomain := 0, 0, 0
	for _, rs := range byEntity {
		for _, a := range rs[1:] {
			b := rs[0]
			for full, ns := range enNicknames {
				for _, n := range ns {
					if (a["First Name"] == n && b["First Name"] == full) || (b["First Name"] == n && a["First Name"] == full) {
						nick++
					}
				}
			}
			if a["Last Name"] != b["Last Name"] && (foldAccents(a["Last Name"], true) == b["Last Name"] || foldAccents(b["Last Name"], true) == a["Last Name"] ||
				foldAccents(a["Last Name"], false) == b["Last Name"] || foldAccents(b["Last Name"], false) == a["Last Name"]) {
				folded++
			}
		}
	}
	domainOwner := map[string]string{}
	for _, r := range rows {
		_, d, ok := strings.Cut(strings.ToLower(r["Email"]), "@")
		if !ok || strings.Contains(strings.Join(freeMail, " "), d) {
			continue
		}
		e := entity[r["Record ID"]]
		if o, seen := domainOwner[d]; seen && o != e {
			sharedDomain++
		}
		domainOwner[d] = e
	}
	if nick < 20 || folded < 20 || sharedDomain < 100 {
		t.Errorf("nickname pairs %d, accent-folded pairs %d, colleagues sharing a domain %d: want at least 20, 20, 100", nick, folded, sharedDomain)
	}
}

// Multi-site accounts: one company name (and website) in several cities is
// several customers in the truth.
func TestEnglishAccountsMultiSite(t *testing.T) {
	rows, entity := englishRows(t, DialectSalesforceAccounts, 3000)
	sites := map[string]map[string]bool{} // website → entities
	for _, r := range rows {
		w := strings.TrimPrefix(strings.TrimPrefix(r["Website"], "https://"), "www.")
		if sites[w] == nil {
			sites[w] = map[string]bool{}
		}
		sites[w][entity[r["Id"]]] = true
	}
	multi := 0
	for _, es := range sites {
		if len(es) > 1 {
			multi++
		}
	}
	if multi < 50 {
		t.Errorf("%d companies with several sites, want at least 50", multi)
	}
}

func TestEnglishDeterministic(t *testing.T) {
	for _, d := range []string{DialectHubSpotContacts, DialectSalesforceAccounts} {
		var a, b bytes.Buffer
		if err := WriteEnglishCSV(&a, d, 500, 9, 0, nil); err != nil {
			t.Fatal(err)
		}
		if err := WriteEnglishCSV(&b, d, 500, 9, 0, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: same seed, different bytes", d)
		}
	}
}

// One site's address is written out on one record and abbreviated on
// another: number words, street types, European street words.
func TestEnglishAccountsAbbreviatedStreets(t *testing.T) {
	rows, entity := englishRows(t, DialectSalesforceAccounts, 3000)
	first := map[string]string{}
	abbreviated, numberWord, european := 0, 0, 0
	for _, r := range rows {
		e := entity[r["Id"]]
		a, seen := first[e]
		if !seen {
			first[e] = r["BillingStreet"]
			continue
		}
		b := r["BillingStreet"]
		if a == b {
			continue
		}
		abbreviated++
		for _, w := range enNumberWords {
			if strings.HasPrefix(a, w+" ") || strings.HasPrefix(b, w+" ") {
				numberWord++
			}
		}
		for _, w := range []string{"str. ", "C/ ", "bd ", "av. ", "ul. "} {
			if strings.Contains(a, w) || strings.Contains(b, w) {
				european++
			}
		}
	}
	if abbreviated < 200 || numberWord < 10 || european < 30 {
		t.Errorf("abbreviated addresses %d, number words %d, European forms %d: want at least 200, 10, 30", abbreviated, numberWord, european)
	}
}
