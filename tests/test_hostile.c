/*
 * test_hostile.c — the grader against hostile submissions (grader/THREATS.md).
 *
 * Every file in tests/hostile/ is one attack on lesson 02. Each becomes one
 * student of a class: the lesson's stubs (an honest score of 0/27) with the
 * attack submitted under the name its header gives ("as:"). One more
 * student is honest (the reference solution, 31/31 with the lesson's hidden
 * tests; in the student edition, which has no solutions, the stubs: 0/27,
 * said on the terminal), one submits a
 * symbolic link to the solution and a file named x$(touch INJECTED).c, and
 * the students' folder names include "gradebook.csv" and shell syntax.
 * Placeholders in an attack (@REPO@, @CLASS@, @CLASS_OUT@, @CANARY@) are
 * replaced by the real paths, as an attacker who read the grader would
 * know them.
 *
 * The whole class is graded once with `make grade-all` (sandbox required),
 * then each check reads the results:
 *   - every attacker scores 0, the honest student 31, in the gradebook, in
 *     points.tsv and results.json, and the report shows the "expect:" line;
 *   - no report quotes the solution, a reference file or /etc/passwd, or
 *     carries a terminal control character;
 *   - nothing outside the sandbox was deleted or created (a canary file,
 *     the references, the honest student's folder and results);
 *   - a background process cannot rewrite results after the run;
 *   - a second run regrades nobody, and one after a result file was edited
 *     regrades that student and restores the honest result.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SAN_BUILD TEST_SAN_BUILD

#define LESSON "02-sinusoids-dft"
/* The honest student's score and the lesson's maximum, hidden tests included
 * (class grading runs them); the student edition's honest student submits
 * the stubs and its class grading has no hidden tests' data. */
static int honest_points = 31, lesson_max = 31;
static char honest_row[64] = LESSON "\t31\t31";
#define MAX_ATTACKS 64

static char tmp[1024], repo[1024], class_dir[1200], out_dir[1200], canary[1200];
static int run_status = -1;
static double run_seconds;

struct attack {
    char name[128];      /* the file's stem: the student's folder name */
    char student[160];   /* the folder name used (some are made awkward) */
    char as[64];         /* the exercise file it is submitted as */
    char expect[4][200]; /* texts its report must show */
    int n_expect;
};
static struct attack attacks[MAX_ATTACKS];
static int n_attacks;

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

/* text with every placeholder replaced (malloc'd) */
static char *substitute(const char *text)
{
    static const char *keys[] = {"@REPO@", "@CLASS_OUT@", "@CLASS@", "@CANARY@"};
    const char *vals[] = {repo, out_dir, class_dir, canary};
    size_t cap = strlen(text) * 4 + 4096;
    char *d = malloc(cap);
    size_t j = 0;
    for (const char *p = text; *p && j + 1300 < cap;) {
        size_t k = 0;
        for (; k < 4; k++)
            if (strncmp(p, keys[k], strlen(keys[k])) == 0)
                break;
        if (k < 4) {
            j += (size_t)snprintf(d + j, cap - j, "%s", vals[k]);
            p += strlen(keys[k]);
        } else {
            d[j++] = *p++;
        }
    }
    d[j] = '\0';
    return d;
}

static void copy_dir_files(const char *from, const char *to)
{
    DIR *d = opendir(from);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char src[2400], dst[2400];
        snprintf(src, sizeof src, "%s/%s", from, e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", to, e->d_name);
        char *text = test_slurp(src, NULL);
        if (text)
            put_file(dst, text);
        free(text);
    }
    closedir(d);
}

static void student_folder(const char *student, char *lesson_dir, size_t cap)
{
    char path[2400];
    snprintf(path, sizeof path, "%s/%s", class_dir, student);
    mkdir(path, 0755);
    snprintf(lesson_dir, cap, "%s/%s", path, LESSON);
    mkdir(lesson_dir, 0755);
}

static void parse_header(struct attack *a, const char *text)
{
    const char *as = strstr(text, " * as: ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(as);
    sscanf(as + 7, "%63s", a->as);
    for (const char *p = text; (p = strstr(p, " * expect: ")) && a->n_expect < 4; p++) {
        const char *e = p + 11;
        size_t n = strcspn(e, "\n");
        snprintf(a->expect[a->n_expect++], sizeof a->expect[0], "%.*s", (int)n, e);
    }
}

/* The class: one student per attack, the honest one, the link-and-name
 * attacker; then make grade-all. */
static int run_class(const char *extra)
{
    char cmd[6000];
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade-all SUBMISSIONS=%s LESSONS_DIR=%s/lessons GRADE_REPORT_DIR=%s "
             "GRADE_JOBS=2 GRADE_COMPILE_CPU=5 GRADE_COMPILE_WALL=10 %s >%s/grade-all.txt 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", class_dir, tmp, tmp, extra, tmp);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = test_sh(cmd, NULL, 0, NULL, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    run_seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    return rc;
}

static int ensure_run(void)
{
    if (run_status >= 0)
        return run_status == 0;
    snprintf(class_dir, sizeof class_dir, "%s/subs", tmp);
    snprintf(out_dir, sizeof out_dir, "%s/class", tmp); /* GRADE_REPORT_DIR/class */
    snprintf(canary, sizeof canary, "%s/canary", tmp);
    mkdir(class_dir, 0755);
    put_file(canary, "the instructor's file\n");

    char stubs[2400], solution[2400], dir[2600];
    snprintf(stubs, sizeof stubs, "%s/lessons/%s/stub", repo, LESSON);
    snprintf(solution, sizeof solution, "%s/lessons/%s/solution", repo, LESSON);

    /* the attackers */
    DIR *d = opendir("tests/hostile");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct dirent *e;
    while ((e = readdir(d)) && n_attacks < MAX_ATTACKS) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
            continue;
        struct attack *a = &attacks[n_attacks++];
        snprintf(a->name, sizeof a->name, "%.*s", (int)(n - 2), e->d_name);
        memcpy(a->student, a->name, sizeof a->name);
        char src[2400];
        snprintf(src, sizeof src, "tests/hostile/%s", e->d_name);
        char *text = test_slurp(src, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        parse_header(a, text);
        /* awkward folder names: data, never shell or paths */
        if (strcmp(a->name, "main-writes-result") == 0)
            snprintf(a->student, sizeof a->student, "gradebook.csv");
        if (strcmp(a->name, "delete-files") == 0)
            snprintf(a->student, sizeof a->student, "evil $(touch INJECTED) `touch INJECTED`");
        if (strcmp(a->name, "forge-verdict") == 0)
            snprintf(a->student, sizeof a->student, "-rf ..");
        student_folder(a->student, dir, sizeof dir);
        copy_dir_files(stubs, dir);
        char *body = substitute(text);
        char dst[2800];
        snprintf(dst, sizeof dst, "%s/%s", dir, a->as);
        put_file(dst, body);
        free(body);
        free(text);
    }
    closedir(d);
    CU_ASSERT_FATAL(n_attacks >= 20);

    /* the honest student */
    student_folder("honest", dir, sizeof dir);
    if (access("STUDENT_EDITION", F_OK) == 0) {
        printf("\n  student edition (no solutions): the honest student submits the stubs, 0/27\n");
        honest_points = 0;
        lesson_max = 27;
        snprintf(honest_row, sizeof honest_row, "%s\t0\t27", LESSON);
        copy_dir_files(stubs, dir);
    } else {
        copy_dir_files(solution, dir);
    }

    /* a link to the solution, and a file name made of shell */
    student_folder("linker", dir, sizeof dir);
    copy_dir_files(stubs, dir);
    char p[2800], sol[2800];
    snprintf(p, sizeof p, "%s/dft_ex.c", dir);
    unlink(p);
    snprintf(sol, sizeof sol, "%s/dft_ex.c", solution);
    CU_ASSERT_EQUAL_FATAL(symlink(sol, p), 0);
    snprintf(p, sizeof p, "%s/x$(touch INJECTED).c", dir);
    put_file(p, "int x;\n");
    snprintf(p, sizeof p, "%s/exercise.h", dir);
    put_file(p, "#error a header of my own\n");

    /* a lesson folder that links to the solutions, and a student folder
     * that links to the honest student's */
    student_folder("dirlinker", dir, sizeof dir);
    rmdir(dir);
    CU_ASSERT_EQUAL_FATAL(symlink(solution, dir), 0);
    char honest_dir[1300], alias[1300];
    snprintf(honest_dir, sizeof honest_dir, "%s/honest", class_dir);
    snprintf(alias, sizeof alias, "%s/alias-of-honest", class_dir);
    CU_ASSERT_EQUAL_FATAL(symlink(honest_dir, alias), 0);

    run_status = run_class("") == 0 ? 0 : 1;
    if (run_status) {
        char path[1200];
        snprintf(path, sizeof path, "%s/grade-all.txt", tmp);
        char *log = test_slurp(path, NULL);
        printf("\n  make grade-all failed:\n%.4000s\n", log ? log : "(no output)");
        free(log);
    }
    return run_status == 0;
}

/* The student's folder under OUT/students/ (gradetool encode's rule). */
static void student_out(const char *student, char *path, size_t cap)
{
    char code[400];
    size_t j = 0;
    for (const unsigned char *p = (const unsigned char *)student; *p && j + 4 < sizeof code; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '_' || *p == '-')
            code[j++] = (char)*p;
        else
            j += (size_t)snprintf(code + j, sizeof code - j, "%%%02X", *p);
    }
    code[j] = '\0';
    snprintf(path, cap, "%.1200s/students/%.400s", out_dir, code);
}

static char *student_file(const char *student, const char *name)
{
    char dir[1800], path[2000];
    student_out(student, dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return test_slurp(path, NULL);
}

/* The student's gradebook row: "<name>",<lesson>,<total>,<max>,<status> */
static int gradebook_points(const char *student, int *points, char *status, size_t cap)
{
    char path[1300];
    snprintf(path, sizeof path, "%s/gradebook.csv", out_dir);
    char *csv = test_slurp(path, NULL);
    if (!csv)
        return 0;
    char key[400];
    snprintf(key, sizeof key, "\n\"%s\",", student);
    if (student[0] == '-')
        snprintf(key, sizeof key, "\n\"'%s\",", student); /* a formula guard */
    const char *row = strstr(csv, key);
    int ok = 0;
    if (row) {
        int lesson, total, max;
        char st[32];
        if (sscanf(row + strlen(key), "%d,%d,%d,%31s", &lesson, &total, &max, st) == 4) {
            *points = total;
            snprintf(status, cap, "%s", st);
            ok = 1;
        }
    }
    free(csv);
    return ok;
}

static void test_every_attack_scores_zero(void)
{
    if (!ensure_run())
        return;
    int honest = -1;
    char status[32] = "";
    CU_ASSERT(gradebook_points("honest", &honest, status, sizeof status));
    CU_ASSERT_EQUAL(honest, honest_points);
    CU_ASSERT_STRING_EQUAL(status, "ok");
    for (int i = 0; i < n_attacks; i++) {
        const struct attack *a = &attacks[i];
        int pts = -1;
        int found = gradebook_points(a->student, &pts, status, sizeof status);
        char *pts_tsv = student_file(a->student, "points.tsv");
        char *json = student_file(a->student, "results.json");
        char zero_row[64];
        snprintf(zero_row, sizeof zero_row, "%s\t0\t%d", LESSON, lesson_max);
        int ok = found && pts == 0 && strcmp(status, "ok") == 0 && pts_tsv &&
                 strstr(pts_tsv, zero_row) && json && strstr(json, "\"score\": 0");
        if (!ok)
            printf("\n  %s: gradebook %d (%s, row %s), points.tsv %s\n", a->name, pts, status,
                   found ? "found" : "missing", pts_tsv ? pts_tsv : "(none)");
        CU_ASSERT(ok);
        free(pts_tsv);
        free(json);
    }
    int linker = -1;
    CU_ASSERT(gradebook_points("linker", &linker, status, sizeof status));
    CU_ASSERT_EQUAL(linker, 0);
    int dirlinker = -1;
    CU_ASSERT(gradebook_points("dirlinker", &dirlinker, status, sizeof status));
    CU_ASSERT_EQUAL(dirlinker, 0);
    int alias = -1;
    CU_ASSERT(gradebook_points("alias-of-honest", &alias, status, sizeof status));
    CU_ASSERT_EQUAL(alias, 0);
    CU_ASSERT_STRING_EQUAL(status, "refused");
}

static void test_each_attack_is_named(void)
{
    if (!ensure_run())
        return;
    char zero_score[32];
    snprintf(zero_score, sizeof zero_score, "Score: 0/%d", lesson_max);
    for (int i = 0; i < n_attacks; i++) {
        const struct attack *a = &attacks[i];
        char *report = student_file(a->student, "report.txt");
        CU_ASSERT_PTR_NOT_NULL(report);
        if (!report)
            continue;
        CU_ASSERT_PTR_NOT_NULL(strstr(report, zero_score));
        for (int k = 0; k < a->n_expect; k++) {
            int seen = strstr(report, a->expect[k]) != NULL;
            if (!seen)
                printf("\n  %s: the report lacks \"%s\":\n%.3000s\n", a->name, a->expect[k],
                       report);
            CU_ASSERT(seen);
        }
        free(report);
    }
    char *report = student_file("linker", "report.txt");
    CU_ASSERT_PTR_NOT_NULL_FATAL(report);
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "dft_ex.c: not graded: it is a symbolic link"));
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "only files named like the lesson's exercise files"));
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "ignored: exercise.h: headers are not graded"));
    free(report);
    report = student_file("dirlinker", "report.txt");
    CU_ASSERT(report && strstr(report, "the lesson's folder is a symbolic link"));
    free(report);
}

static void test_nothing_leaks_into_reports(void)
{
    if (!ensure_run())
        return;
    static const char *secrets[] = {"reference solution", "start_sample:", "root:x:0:",
                                    "acos(-1.0)", "# n: 256"};
    static const char *files[] = {"report.txt", "results.json", "junit.xml"};
    for (int i = 0; i <= n_attacks; i++) {
        const char *student = i < n_attacks ? attacks[i].student : "linker";
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            char *text = student_file(student, files[f]);
            if (!text)
                continue;
            for (size_t s = 0; s < sizeof secrets / sizeof secrets[0]; s++) {
                int leaked = strstr(text, secrets[s]) != NULL;
                if (leaked)
                    printf("\n  %s/%s quotes \"%s\"\n", student, files[f], secrets[s]);
                CU_ASSERT(!leaked);
            }
            CU_ASSERT_PTR_NULL(strchr(text, '\033'));
            free(text);
        }
    }
}

static void test_nothing_outside_is_touched(void)
{
    if (!ensure_run())
        return;
    /* a background process would still be writing for 4 s */
    sleep(5);
    struct stat st;
    CU_ASSERT_EQUAL(stat(canary, &st), 0);
    char path[2600];
    snprintf(path, sizeof path, "%s/data/reference/%s/piano-dft.txt", repo, LESSON);
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/%s/grade/gradetool", repo, test_build_dir());
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/honest/%s/dft_ex.c", class_dir, LESSON);
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    CU_ASSERT_NOT_EQUAL(stat("INJECTED", &st), 0);
    snprintf(path, sizeof path, "%s/INJECTED", tmp);
    CU_ASSERT_NOT_EQUAL(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/gradebook.csv", out_dir);
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    CU_ASSERT(S_ISREG(st.st_mode));
    char *pts = student_file("honest", "points.tsv");
    CU_ASSERT(pts && strstr(pts, honest_row));
    free(pts);
    /* the run as a whole: the attacks stayed within their limits */
    if (run_seconds > 600)
        printf("\n  the class took %.0f s\n", run_seconds);
    CU_ASSERT(run_seconds < 600);
}

static void test_reruns_regrade_only_what_changed(void)
{
    if (!ensure_run())
        return;
    char report_path[2000], dir[1800];
    student_out("honest", dir, sizeof dir);
    snprintf(report_path, sizeof report_path, "%s/report.txt", dir);
    struct stat before, after;
    CU_ASSERT_EQUAL_FATAL(stat(report_path, &before), 0);
    CU_ASSERT_EQUAL(run_class(""), 0);
    CU_ASSERT_EQUAL(stat(report_path, &after), 0);
    CU_ASSERT(after.st_mtim.tv_sec == before.st_mtim.tv_sec &&
              after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    /* a result file edited after the run: that student is graded again */
    char pts_path[2000];
    snprintf(pts_path, sizeof pts_path, "%s/points.tsv", dir);
    put_file(pts_path, honest_points ? LESSON "\t0\t31\n" : LESSON "\t5\t27\n");
    CU_ASSERT_EQUAL(run_class(""), 0);
    char *pts = student_file("honest", "points.tsv");
    CU_ASSERT(pts && strstr(pts, honest_row));
    free(pts);
    int honest = -1;
    char status[32];
    CU_ASSERT(gradebook_points("honest", &honest, status, sizeof status));
    CU_ASSERT_EQUAL(honest, honest_points);
}

/* A student over the per-student wall-clock limit: a TIMEOUT row, and the
 * gradebook is still written, with the other student's row intact. */
static void test_a_slow_student_gets_a_timeout_row(void)
{
    char subs[1200], dir[1400], cmd[6000], stubs[2400], path[1600];
    snprintf(subs, sizeof subs, "%s/slow-class", tmp);
    mkdir(subs, 0755);
    snprintf(stubs, sizeof stubs, "%s/lessons/%s/stub", repo, LESSON);
    snprintf(dir, sizeof dir, "%s/sleeper", subs);
    mkdir(dir, 0755);
    snprintf(dir, sizeof dir, "%s/sleeper/%s", subs, LESSON);
    mkdir(dir, 0755);
    copy_dir_files(stubs, dir);
    snprintf(path, sizeof path, "%s/dft_ex.c", dir);
    put_file(path, "#include <unistd.h>\n#include \"exercise.h\"\n"
                   "int dft_ex(const double *x, size_t n, double complex *X)\n"
                   "{ (void)x, (void)n, (void)X; for (;;) pause(); }\n");
    snprintf(dir, sizeof dir, "%s/quick", subs);
    mkdir(dir, 0755);
    snprintf(dir, sizeof dir, "%s/quick/%s", subs, LESSON);
    mkdir(dir, 0755);
    copy_dir_files(stubs, dir);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade-all SUBMISSIONS=%s LESSONS_DIR=%s/lessons GRADE_REPORT_DIR=%s/slow "
             "GRADE_JOBS=2 GRADE_STUDENT_WALL=6 >%s/slow.txt 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", subs, tmp, tmp, tmp);
    CU_ASSERT_EQUAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
    snprintf(path, sizeof path, "%s/slow/class/gradebook.csv", tmp);
    char *csv = test_slurp(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    /* the lesson's maximum: 31 with its hidden tests, 27 in the student edition */
    char quick_row[64];
    snprintf(quick_row, sizeof quick_row, "\"quick\",0,0,%d,ok",
             access("STUDENT_EDITION", F_OK) == 0 ? 27 : 31);
    int ok = strstr(csv, "\"sleeper\",0,0,0,TIMEOUT") && strstr(csv, quick_row);
    if (!ok)
        printf("\n  gradebook:\n%s\n", csv);
    CU_ASSERT(ok);
    free(csv);
}

static const struct test_case cases[] = {
    {"a student over the wall-clock limit gets a TIMEOUT row", test_a_slow_student_gets_a_timeout_row},
    {"every attack scores 0, the honest student full marks", test_every_attack_scores_zero},
    {"each refused attack is named in its report", test_each_attack_is_named},
    {"no report quotes a solution, reference or system file", test_nothing_leaks_into_reports},
    {"nothing outside the sandbox is deleted, created or rewritten",
     test_nothing_outside_is_touched},
    {"re-runs regrade only changed or tampered students", test_reruns_regrade_only_what_changed},
};

int main(void)
{
    snprintf(tmp, sizeof tmp, "%s", test_tmpdir());
    if (!getcwd(repo, sizeof repo))
        return 1;
    /* the course for these runs: lesson 02 alone */
    char lessons[1200], link_path[2400], target[2400];
    snprintf(lessons, sizeof lessons, "%s/lessons", tmp);
    mkdir(lessons, 0755);
    snprintf(link_path, sizeof link_path, "%s/%s", lessons, LESSON);
    snprintf(target, sizeof target, "%s/lessons/%s", repo, LESSON);
    if (symlink(target, link_path) != 0)
        return 1;
    int rc = test_run("hostile submissions", cases, TEST_COUNT(cases));
    test_rmdir(tmp);
    return rc;
}
