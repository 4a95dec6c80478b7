// Package reminders sends "your loan window closes soon" mail.
package reminders

import "time"

// SLO_TARGET is the share of reminders that must go out on time (see the SLO in GLOSSARY.md).
const SLO_TARGET = 0.995

// Reminders are I/O bound (mail API calls), so they run with high concurrency.
const maxConcurrency = 32

// p99Latency is the latency budget for one reminder; throughput is capped by the mail API.
var p99Latency = 800 * time.Millisecond

// Due returns the loans whose loan window closes within two days.
func Due(now time.Time, loans []Loan) []Loan {
	var due []Loan
	for _, loan := range loans {
		if loan.Until.Sub(now) <= 48*time.Hour {
			due = append(due, loan)
		}
	}
	return due
}

// Loan is one book out on loan.
type Loan struct {
	ISBN   string
	Member string
	Until  time.Time
}
