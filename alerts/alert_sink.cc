#include "alerts/alert_sink.h"

#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/errors.h"

namespace gazette {
namespace {

constexpr int kWebhookAttempts = 3;

}  // namespace

AlertSink::AlertSink(const std::string& path, const std::string& webhook) : path_(path) {
    if (path.empty() || path == "-") {
        path_.clear();
        out_ = stdout;
    } else {
        out_ = std::fopen(path.c_str(), "a");
        if (!out_)
            throw UsageError("cannot open " + path + " to append alerts");
    }
    if (!webhook.empty()) {
        if (webhook.rfind("http://", 0) != 0)
            throw UsageError("--alerts-webhook must be an http:// URL, not \"" + webhook + "\"");
        auto slash = webhook.find('/', 7);
        host_ = webhook.substr(0, slash);
        target_ = slash == std::string::npos ? "/" : webhook.substr(slash);
        if (host_.size() <= 7)
            throw UsageError("--alerts-webhook has no host: " + webhook);
    }
}

AlertSink::~AlertSink() {
    if (out_ && out_ != stdout)
        std::fclose(out_);
}

void AlertSink::emit(const std::vector<std::string>& lines) {
    if (lines.empty())
        return;
    std::string body;
    for (const auto& line : lines)
        body += line + "\n";
    std::fwrite(body.data(), 1, body.size(), out_);
    std::fflush(out_);
    if (out_ != stdout)
        ::fsync(fileno(out_));
    if (!host_.empty())
        post(body);
}

void AlertSink::post(const std::string& body) {
    httplib::Client client(host_);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(10));
    std::string failure;
    for (int attempt = 1; attempt <= kWebhookAttempts; ++attempt) {
        auto res = client.Post(target_, body, "application/x-ndjson");
        if (res && res->status >= 200 && res->status < 300)
            return;
        failure = res ? "HTTP " + std::to_string(res->status) : httplib::to_string(res.error());
        std::this_thread::sleep_for(std::chrono::milliseconds(250 * attempt));
    }
    std::cerr << "gazette-index: warning: the alerts webhook " << host_ << target_ << " failed "
              << kWebhookAttempts << " times (" << failure
              << "); these alerts went to the output only\n";
}

std::set<std::pair<std::string, std::string>> AlertSink::delivered() const {
    std::set<std::pair<std::string, std::string>> out;
    if (path_.empty())
        return out;
    std::ifstream in(path_);
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("alert") && j.contains("id") && j["alert"].is_string() &&
            j["id"].is_string())
            out.emplace(j["alert"].get<std::string>(), j["id"].get<std::string>());
    }
    return out;
}

}  // namespace gazette
