// The espeak-ng C library (libespeak-ng-dev). Only NextStepsSpeech imports this module:
// the engine is one global, so every call goes through one serial queue there.
#include <espeak-ng/speak_lib.h>
// For espeak_ng_InitializePath: it resolves the data folder (ESPEAK_DATA_PATH or the default)
// so NextSteps can check it before espeak_Initialize, which prints to stderr when data is missing.
#include <espeak-ng/espeak_ng.h>

// Sound output goes through pcaudiolib's ALSA backend. libpcaudio.so.0 (espeak-ng's own audio
// library) and libasound.so.2 are always loaded with libespeak-ng, but have no development
// headers here, so they are reached with dlopen/dlsym. These helpers are static inline so that
// the system-library target needs no compiled C.
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

/// The few pcaudiolib functions NextSteps uses. All NULL when the library could not be found.
typedef struct nextsteps_pcaudio {
    void *(*create_alsa_object)(const char *device, const char *application_name, const char *description);
    int (*open)(void *object, int format, uint32_t rate, uint8_t channels);
    void (*close)(void *object);
    void (*destroy)(void *object);
    int (*write)(void *object, const void *data, size_t bytes);
    int (*flush)(void *object);
} nextsteps_pcaudio;

/// pcaudiolib's enum audio_object_format value for signed 16-bit little-endian samples.
static const int nextsteps_pcaudio_format_s16le = 2;

/// Finds pcaudiolib's functions; returns 0 when any is missing.
static inline int nextsteps_pcaudio_load(nextsteps_pcaudio *api) {
    void *library = dlopen("libpcaudio.so.0", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return 0;
    api->create_alsa_object = (void *(*)(const char *, const char *, const char *))dlsym(library, "create_alsa_object");
    api->open = (int (*)(void *, int, uint32_t, uint8_t))dlsym(library, "audio_object_open");
    api->close = (void (*)(void *))dlsym(library, "audio_object_close");
    api->destroy = (void (*)(void *))dlsym(library, "audio_object_destroy");
    api->write = (int (*)(void *, const void *, size_t))dlsym(library, "audio_object_write");
    api->flush = (int (*)(void *))dlsym(library, "audio_object_flush");
    return api->create_alsa_object && api->open && api->close && api->destroy && api->write && api->flush;
}

// ALSA prints its own errors to stderr ("cannot find card '0'" when there is no sound card),
// which would land in the middle of the pupil's screen. NextSteps says it once, calmly, itself.
static inline void nextsteps_alsa_silent_handler(const char *file, int line, const char *function,
                                                 int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// Stops ALSA writing error messages to stderr; returns 0 when ALSA could not be found.
static inline int nextsteps_alsa_quiet(void) {
    void *library = dlopen("libasound.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return 0;
    typedef void (*handler_t)(const char *, int, const char *, int, const char *, ...);
    int (*set_handler)(handler_t) = (int (*)(handler_t))dlsym(library, "snd_lib_error_set_handler");
    if (set_handler == NULL) return 0;
    return set_handler(nextsteps_alsa_silent_handler) == 0;
}
