#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Creates "<path>.tmpXXXXXX" exclusively, like mkstemp, but with mode 0666
 * so the umask decides the final permissions as for any new file. */
static int open_temp(const char *path, char *tmp, size_t size)
{
    static unsigned counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        unsigned long r = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL) ^
                          (unsigned long)(++counter * 40503u) ^ (unsigned long)attempt << 20;
        if ((size_t)snprintf(tmp, size, "%s.tmp%06lx", path, r & 0xffffffu) >= size) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

int dsp_outfile_open(const char *path, char **tmp)
{
    *tmp = NULL;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            return -1;
        }
        return open(path, O_WRONLY);
    }
    size_t size = strlen(path) + 16;
    char *name = malloc(size);
    if (!name) {
        errno = ENOMEM;
        return -1;
    }
    int fd = open_temp(path, name, size);
    if (fd < 0) {
        int saved = errno;
        free(name);
        errno = saved;
        return -1;
    }
    *tmp = name;
    return fd;
}

int dsp_outfile_finish(const char *path, const char *tmp)
{
    if (!tmp || rename(tmp, path) == 0)
        return 0;
    int saved = errno;
    unlink(tmp);
    errno = saved;
    return -1;
}

void dsp_outfile_discard(const char *tmp)
{
    if (tmp)
        unlink(tmp);
}
