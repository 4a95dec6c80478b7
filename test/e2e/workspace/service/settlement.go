// Package service closes the settlement window for captured payments.
package service

import "time"

// sloTarget is the share of nightly settlement runs that must finish within the window.
const sloTarget = 0.999

// quartermaster names the lock that hands out one batch slot to each settlement run.
const quartermaster = "settlement-batch"

// Run closes every settlement window that ended before now. Throughput matters more than
// latency here: the job is batch work, not a request path.
func Run(now time.Time, closeWindow func(time.Time) error) error {
	return closeWindow(now.Add(-24 * time.Hour))
}
