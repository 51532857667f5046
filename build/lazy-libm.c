/*
 * libm, loaded on first use.
 *
 * A bootstrap references a few libm functions (the GC's log, Math.Pow, the thread pool's sin and cos), but most
 * functions never call one. Linked as usual, libm.so.6 is still mapped and bound at every cold start: about 8 page
 * faults, 0.1 ms and 0.3 MB of RSS (src/Bootstrap.Bench/Notes.md). These definitions stand in for libm's at link
 * time, so the loader no longer needs it; each loads libm.so.6 on its first call and forwards to libm's own function,
 * so the results, errno included, are libm's. Built and linked by Bootstrap.Aot.props (BootstrapLazyLibm).
 *
 * A libm function not listed here is linked from libm.so.6 as before: nothing breaks, the start just maps libm again.
 * Hidden visibility keeps these out of the dynamic symbol table, so libm's own calls never reach them.
 */
#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HIDDEN __attribute__((visibility("hidden")))

static void write_error(const char *text) {
    ssize_t ignored = write(STDERR_FILENO, text, strlen(text));
    (void)ignored;
}

/* Racing first calls may both dlopen: libm is loaded once and counted twice, which is harmless. */
static void *resolve(const char *name) {
    static void *libm;
    void *handle = __atomic_load_n(&libm, __ATOMIC_ACQUIRE);
    if (handle == NULL) {
        handle = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) {
            const char *why = dlerror();
            write_error("bootstrap: cannot load libm.so.6 for ");
            write_error(name);
            write_error(": ");
            write_error(why != NULL ? why : "unknown error");
            write_error("\n");
            abort();
        }
        __atomic_store_n(&libm, handle, __ATOMIC_RELEASE);
    }
    void *function = dlsym(handle, name);
    if (function == NULL) {
        write_error("bootstrap: libm.so.6 has no ");
        write_error(name);
        write_error("\n");
        abort();
    }
    return function;
}

/* One definition per libm function; math.h's declaration checks each signature. */
#define FORWARD(R, name, PARAMS, ARGS)                                       \
    HIDDEN R name PARAMS {                                                   \
        static R(*target) PARAMS;                                            \
        R(*call) PARAMS = __atomic_load_n(&target, __ATOMIC_ACQUIRE);        \
        if (call == NULL) {                                                  \
            call = (R(*) PARAMS)resolve(#name);                              \
            __atomic_store_n(&target, call, __ATOMIC_RELEASE);               \
        }                                                                    \
        return call ARGS;                                                    \
    }

#define UNARY(name) FORWARD(double, name, (double x), (x)) FORWARD(float, name##f, (float x), (x))
#define BINARY(name) FORWARD(double, name, (double x, double y), (x, y)) FORWARD(float, name##f, (float x, float y), (x, y))

/* What .NET's Math and MathF, its GC and its native libraries call in libm. */
UNARY(acos) UNARY(acosh) UNARY(asin) UNARY(asinh) UNARY(atan) UNARY(atanh) UNARY(cbrt) UNARY(ceil) UNARY(cos)
UNARY(cosh) UNARY(exp) UNARY(floor) UNARY(log) UNARY(log10) UNARY(log2) UNARY(round) UNARY(sin) UNARY(sinh)
UNARY(sqrt) UNARY(tan) UNARY(tanh)
BINARY(atan2) BINARY(fmod) BINARY(pow)
FORWARD(double, fma, (double x, double y, double z), (x, y, z))
FORWARD(float, fmaf, (float x, float y, float z), (x, y, z))
FORWARD(double, modf, (double x, double *integral), (x, integral))
FORWARD(float, modff, (float x, float *integral), (x, integral))
