//go:build linux

package main

import (
	"syscall"
	"unsafe"
)

// ioctlFIONREAD returns the bytes waiting in a pipe.
func ioctlFIONREAD(fd int) (int, error) {
	var n int32
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}
