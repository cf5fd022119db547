package outset

// SyncAhead starts writing what f holds so far to disk, in the background,
// unless the previous SyncAhead is still at it: Commit's fsync then waits
// only for the rest. A writer of a large output (a million-customer
// master, half a gigabyte) calls it every few tens of megabytes. Nothing
// for stdout or a file not opened yet.
func (f *File) SyncAhead() {
	if f.af == nil || !f.syncing.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer f.syncing.Store(false)
		_ = f.af.Sync() // Commit syncs again and reports a failure
	}()
}
