#ifndef NEXTSTEPS_CREADLINE_H
#define NEXTSTEPS_CREADLINE_H

/// Sets readline up for NextSteps: UTF-8 input, no tab completion, and (when plain is set)
/// no bracketed-paste escape bytes. No history is ever kept or written.
void ns_readline_setup(const char *name, int plain);

/// Reads one line with readline. Returns a malloc'd string (free with ns_free), or NULL at
/// end of input.
char *ns_readline(const char *prompt);

/// Calls `callback(context)` for every key readline reads (NULL turns it off).
void ns_readline_on_key(void (*callback)(void *), void *context);

/// Reads one line with readline, with `prefill` already on the line to edit or send again.
char *ns_readline_prefilled(const char *prompt, const char *prefill);

/// Frees a string returned by ns_readline.
void ns_free(char *line);

/// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT that write `message` to
/// standard output and end the process at once. Every answer is already on disk by then,
/// and readline has already restored the terminal before the handler runs.
void ns_install_signal_handlers(const char *message);

/// Changes what the signal handlers write (for example after a save failed). Safe from any
/// thread, and safe against a signal arriving meanwhile: the handler writes either the old
/// message or the new one, whole.
void ns_set_signal_message(const char *message);

#endif
