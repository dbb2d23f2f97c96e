-- wrk script: POST /v1/ai-agents/public/inquiry with a rotation of real visitor questions.
local questions = {
  "How much does the Professional plan cost per month?",
  "I want to see a demo",
  "How does NHS integration work?",
  "Do you support eMAR and pharmacy ordering?",
  "What do I need for a CQC inspection?",
  "Can I use it offline on a tablet?",
  "We are a 45 bed nursing home, which plan fits?",
  "Is my data stored in the UK?",
}
local i = 0
request = function()
  i = i + 1
  local body = '{"message":"' .. questions[(i % #questions) + 1] .. '"}'
  return wrk.format("POST", "/v1/ai-agents/public/inquiry", {["Content-Type"] = "application/json"}, body)
end
-- Any non-200 answer is printed (status and the start of its body), so failures are visible.
response = function(status, headers, body)
  if status ~= 200 then io.write("non-200: ", status, " ", body:sub(1, 200), "\n") end
end
