// Starting a thread on another core: Linux's CPU affinity calls and macros are GNU extensions,
// which Swift's Glibc module does not show. See SecondCore.swift for why.
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include "CCores.h"

static cpu_set_t allowed;
static int haveAllowed;

int peerpath_start_on_other_core(void *(*body)(void *), void *argument) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    haveAllowed = sched_getaffinity(0, sizeof allowed, &allowed) == 0;
    int current = sched_getcpu();
    if (haveAllowed && current >= 0 && current < CPU_SETSIZE) {
        cpu_set_t others = allowed;
        CPU_CLR(current, &others);
        if (CPU_COUNT(&others) > 0) pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
    }
    pthread_t thread;
    int result = pthread_create(&thread, &attributes, body, argument);
    pthread_attr_destroy(&attributes);
    if (result == 0) pthread_detach(thread);
    return result;
}

void peerpath_unpin(void) {
    if (haveAllowed) sched_setaffinity(0, sizeof allowed, &allowed);
}
