/* Debian's libcurl (libcurl4-openssl-dev) for `hufang sync`. curl_easy_setopt and curl_easy_getinfo are
   variadic, which Swift cannot call: these typed wrappers pass each kind of value through. */
#include <curl/curl.h>

static inline CURLcode hufang_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode hufang_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode hufang_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode hufang_curl_set_size(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}

typedef size_t (*hufang_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode hufang_curl_set_callback(CURL *curl, CURLoption option, hufang_curl_data_callback callback) {
    return curl_easy_setopt(curl, option, callback);
}

/* A copy of `data` as the certificate authorities to verify the peer with (CURLOPT_CAINFO_BLOB). */
static inline CURLcode hufang_curl_set_ca_blob(CURL *curl, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob);
}

static inline long hufang_curl_response_code(CURL *curl) {
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    return code;
}
