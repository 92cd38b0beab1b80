// readline's configuration is mutable C globals, which Swift 6 refuses to touch; they are
// set here so Swift only calls plain functions.
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "CReadline.h"

// The stopped message, as the signal handler reads it. The handler may run on any thread at
// any moment, so it reads only a lock-free atomic index and a buffer that is never written
// while the index points at it: the setter fills the other buffer, then publishes it.
#define NS_MESSAGE_CAPACITY 512
static char ns_signal_messages[2][NS_MESSAGE_CAPACITY];
static size_t ns_signal_message_lengths[2];
// -1 until a message is set; then the buffer the handler writes. Lock-free, so safe to read in
// a signal handler on any thread (C11 7.14.1.1).
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the signal handler needs a lock-free int");
static atomic_int ns_signal_message_slot = -1;
// Serialises setters (never taken by the handler).
static pthread_mutex_t ns_signal_message_lock = PTHREAD_MUTEX_INITIALIZER;
static void (*ns_key_callback)(void *) = NULL;
static void *ns_key_context = NULL;

// A byte read ahead that is not part of a C1 control, handed to readline on the next call.
static int ns_pending_byte = -1;

// Reads one byte for readline, dropping C1 controls (U+0080 to U+009F) so readline never echoes
// them raw to the terminal (U+009B is CSI to a terminal, U+0085 a line break). In a UTF-8 locale
// they arrive as 0xC2 then 0x80..0x9F; in a one-byte locale as the byte itself.
static int ns_read_byte(FILE *stream) {
    if (ns_pending_byte >= 0) {
        int byte = ns_pending_byte;
        ns_pending_byte = -1;
        return byte;
    }
    for (;;) {
        int key = rl_getc(stream);
        if (key == EOF) return key;
        if (MB_CUR_MAX > 1) {
            if (key != 0xC2) return key;
            int next = rl_getc(stream);
            if (next >= 0x80 && next <= 0x9F) continue;
            if (next != EOF) ns_pending_byte = next;
            return key;
        }
        if (key >= 0x80 && key <= 0x9F) continue;
        return key;
    }
}

// Every key readline reads passes here first, so C1 controls are dropped and the pupil's first
// key can stop speech.
static int ns_getc(FILE *stream) {
    int key = ns_read_byte(stream);
    if (ns_key_callback != NULL && key != EOF) ns_key_callback(ns_key_context);
    return key;
}

void ns_readline_on_key(void (*callback)(void *), void *context) {
    ns_key_callback = callback;
    ns_key_context = context;
}

void ns_readline_setup(const char *name, int plain) {
    setlocale(LC_CTYPE, "");
    rl_readline_name = name;
    rl_getc_function = ns_getc;
    rl_variable_bind("input-meta", "on");
    rl_variable_bind("output-meta", "on");
    rl_variable_bind("convert-meta", "off");
    rl_variable_bind("bell-style", "none");
    if (plain) {
        // Not one escape byte in plain mode: readline redraws a dumb terminal with plain
        // characters only, and sends no bracketed-paste or meta-key strings.
        rl_terminal_name = "dumb";
        rl_variable_bind("enable-bracketed-paste", "off");
        rl_variable_bind("enable-meta-key", "off");
    }
    // Tab types a space-like tab instead of listing files: no file names appear to a pupil.
    rl_bind_key('\t', rl_insert);
    // Ctrl-@ would set a mark that makes every later long line slow to edit.
    rl_unbind_key(0);
    // readline cleans up the terminal on a signal, then passes the signal on to our handler.
    rl_catch_signals = 1;
    rl_catch_sigwinch = 1;
}

char *ns_readline(const char *prompt) {
    return readline(prompt);
}

// The words to put back on the line before the pupil types (after an answer could not be
// saved), inserted by readline's startup hook so they are there to edit or send again.
static char *ns_prefill = NULL;

static int ns_insert_prefill(void) {
    if (ns_prefill != NULL) {
        rl_insert_text(ns_prefill);
        free(ns_prefill);
        ns_prefill = NULL;
    }
    return 0;
}

char *ns_readline_prefilled(const char *prompt, const char *prefill) {
    if (prefill != NULL && prefill[0] != '\0') {
        ns_prefill = strdup(prefill);
        rl_startup_hook = ns_insert_prefill;
    }
    char *line = readline(prompt);
    rl_startup_hook = NULL;
    free(ns_prefill);
    ns_prefill = NULL;
    return line;
}

void ns_free(char *line) {
    free(line);
}

// Async-signal-safe only: an atomic load, write(2) and _exit(2). When a signal comes while
// readline reads a line, readline's own handler has already restored the terminal
// (rl_cleanup_after_signal) and passed the signal on to this one.
static void ns_on_signal(int signal_number) {
    int slot = atomic_load_explicit(&ns_signal_message_slot, memory_order_acquire);
    if (slot == 0 || slot == 1) {
        const char *text = ns_signal_messages[slot];
        size_t left = ns_signal_message_lengths[slot];
        while (left > 0) {
            ssize_t written = write(STDOUT_FILENO, text, left);
            if (written > 0) { text += written; left -= (size_t)written; }
            else if (written < 0 && errno == EINTR) continue;
            else break;
        }
    }
    _exit(128 + signal_number);
}

void ns_set_signal_message(const char *message) {
    pthread_mutex_lock(&ns_signal_message_lock);
    int current = atomic_load_explicit(&ns_signal_message_slot, memory_order_relaxed);
    int next = current == 0 ? 1 : 0;
    size_t length = strlen(message);
    if (length >= NS_MESSAGE_CAPACITY) length = NS_MESSAGE_CAPACITY - 1;
    memcpy(ns_signal_messages[next], message, length);
    ns_signal_messages[next][length] = 0;
    ns_signal_message_lengths[next] = length;
    // Release: the handler that sees `next` sees the whole message written above.
    atomic_store_explicit(&ns_signal_message_slot, next, memory_order_release);
    pthread_mutex_unlock(&ns_signal_message_lock);
}

void ns_install_signal_handlers(const char *message) {
    ns_set_signal_message(message);
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = ns_on_signal;
    // While one of the four is handled the others wait, so the message is written once.
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGHUP);
    sigaddset(&action.sa_mask, SIGQUIT);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}
