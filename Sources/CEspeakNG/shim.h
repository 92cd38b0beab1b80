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
    void *library = dlopen("libpcaudio.so.0", RTLD_LAZY | RTLD_LOCAL);
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
    void *library = dlopen("libasound.so.2", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) return 0;
    typedef void (*handler_t)(const char *, int, const char *, int, const char *, ...);
    int (*set_handler)(handler_t) = (int (*)(handler_t))dlsym(library, "snd_lib_error_set_handler");
    if (set_handler == NULL) return 0;
    return set_handler(nextsteps_alsa_silent_handler) == 0;
}

// libespeak-ng itself is loaded only when something is to be spoken: linking it brings about
// 35 libraries (PulseAudio, X11, sndfile …) into every start, about 5 ms and 4.5 MiB, though a
// talk without speech never uses them. These are its functions NextSteps calls.
typedef struct {
    void (*InitializePath)(const char *path);
    const char *(*Info)(const char **path_data);
    int (*Initialize)(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options);
    void (*SetSynthCallback)(t_espeak_callback *callback);
    espeak_ERROR (*SetVoiceByName)(const char *name);
    espeak_ERROR (*SetVoiceByProperties)(espeak_VOICE *voice_spec);
    espeak_ERROR (*SetParameter)(espeak_PARAMETER parameter, int value, int relative);
    espeak_ERROR (*Synth)(const void *text, size_t size, unsigned int position, espeak_POSITION_TYPE position_type,
                          unsigned int end_position, unsigned int flags, unsigned int *unique_identifier, void *user_data);
    const espeak_VOICE **(*ListVoices)(espeak_VOICE *voice_spec);
} nextsteps_espeak;

/// Loads libespeak-ng and finds its functions; returns 0 when the library or any function is missing.
static inline int nextsteps_espeak_load(nextsteps_espeak *api) {
    void *library = dlopen("libespeak-ng.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) return 0;
    api->InitializePath = (void (*)(const char *))dlsym(library, "espeak_ng_InitializePath");
    api->Info = (const char *(*)(const char **))dlsym(library, "espeak_Info");
    api->Initialize = (int (*)(espeak_AUDIO_OUTPUT, int, const char *, int))dlsym(library, "espeak_Initialize");
    api->SetSynthCallback = (void (*)(t_espeak_callback *))dlsym(library, "espeak_SetSynthCallback");
    api->SetVoiceByName = (espeak_ERROR (*)(const char *))dlsym(library, "espeak_SetVoiceByName");
    api->SetVoiceByProperties = (espeak_ERROR (*)(espeak_VOICE *))dlsym(library, "espeak_SetVoiceByProperties");
    api->SetParameter = (espeak_ERROR (*)(espeak_PARAMETER, int, int))dlsym(library, "espeak_SetParameter");
    api->Synth = (espeak_ERROR (*)(const void *, size_t, unsigned int, espeak_POSITION_TYPE, unsigned int, unsigned int,
                                   unsigned int *, void *))dlsym(library, "espeak_Synth");
    api->ListVoices = (const espeak_VOICE **(*)(espeak_VOICE *))dlsym(library, "espeak_ListVoices");
    return api->InitializePath && api->Info && api->Initialize && api->SetSynthCallback && api->SetVoiceByName
        && api->SetVoiceByProperties && api->SetParameter && api->Synth && api->ListVoices;
}
