// readline's configuration is mutable C globals, which Swift 6 refuses to touch; they are
// set here so Swift only calls plain functions.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <locale.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "CReadline.h"

static char ns_signal_message[512];
static void (*ns_key_callback)(void *) = NULL;
static void *ns_key_context = NULL;

// Every key readline reads passes here first, so the pupil's first key can stop speech.
static int ns_getc(FILE *stream) {
    int key = rl_getc(stream);
    if (ns_key_callback != NULL && key != EOF) ns_key_callback(ns_key_context);
    return key;
}

void ns_readline_on_key(void (*callback)(void *), void *context) {
    ns_key_callback = callback;
    ns_key_context = context;
    rl_getc_function = callback != NULL ? ns_getc : rl_getc;
}
static size_t ns_signal_message_length = 0;

void ns_readline_setup(const char *name, int plain) {
    setlocale(LC_CTYPE, "");
    rl_readline_name = name;
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

void ns_free(char *line) {
    free(line);
}

static void ns_on_signal(int signal_number) {
    if (ns_signal_message_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, ns_signal_message, ns_signal_message_length);
        (void)ignored;
    }
    _exit(128 + signal_number);
}

void ns_set_signal_message(const char *message) {
    size_t length = strlen(message);
    if (length >= sizeof(ns_signal_message)) length = sizeof(ns_signal_message) - 1;
    // The handler reads the length, so shorten it first and lengthen it last.
    ns_signal_message_length = 0;
    memcpy(ns_signal_message, message, length);
    ns_signal_message[length] = 0;
    ns_signal_message_length = length;
}

void ns_install_signal_handlers(const char *message) {
    size_t length = strlen(message);
    if (length >= sizeof(ns_signal_message)) length = sizeof(ns_signal_message) - 1;
    memcpy(ns_signal_message, message, length);
    ns_signal_message[length] = 0;
    ns_signal_message_length = length;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = ns_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}
