#ifndef PEERPATH_CCORES_H
#define PEERPATH_CCORES_H

/// Starts a detached thread that runs body(argument), on a core other than the calling thread's
/// when the process may use another (the thread is then free to move; see peerpath_unpin).
/// Returns 0 when the thread started, an error number otherwise.
int peerpath_start_on_other_core(void *(*body)(void *), void *argument);

/// Lets the calling thread run on any core the process may use.
void peerpath_unpin(void);

#endif
