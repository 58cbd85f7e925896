output "outputs_11_0_app_0a_arn" {
  description = "ARN of the app_0a key."
  value       = aws_kms_key.app_0a.arn
}

output "outputs_11_0_app_0b_arn" {
  description = "ARN of the app_0b key."
  value       = aws_kms_key.app_0b.arn
}

output "outputs_11_0_backup_4a_arn" {
  description = "ARN of the backup_4a key."
  value       = aws_kms_key.backup_4a.arn
}

output "outputs_11_0_queue_4b_arn" {
  description = "ARN of the queue_4b key."
  value       = aws_kms_key.queue_4b.arn
}

output "outputs_11_0_app_12a_arn" {
  description = "ARN of the app_12a key."
  value       = aws_kms_key.app_12a.arn
}

output "outputs_11_0_secrets_12b_arn" {
  description = "ARN of the secrets_12b key."
  value       = aws_kms_key.secrets_12b.arn
}

output "outputs_11_0_data_16a_arn" {
  description = "ARN of the data_16a key."
  value       = aws_kms_key.data_16a.arn
}

output "outputs_11_0_secrets_16b_arn" {
  description = "ARN of the secrets_16b key."
  value       = aws_kms_key.secrets_16b.arn
}

output "outputs_11_0_data_24a_arn" {
  description = "ARN of the data_24a key."
  value       = aws_kms_key.data_24a.arn
}

output "outputs_11_0_secrets_24b_arn" {
  description = "ARN of the secrets_24b key."
  value       = aws_kms_key.secrets_24b.arn
}

output "outputs_11_0_secrets_28a_arn" {
  description = "ARN of the secrets_28a key."
  value       = aws_kms_key.secrets_28a.arn
}

output "outputs_11_0_queue_28b_arn" {
  description = "ARN of the queue_28b key."
  value       = aws_kms_key.queue_28b.arn
}

output "outputs_11_0_logs_36a_arn" {
  description = "ARN of the logs_36a key."
  value       = aws_kms_key.logs_36a.arn
}

output "outputs_11_0_data_36b_arn" {
  description = "ARN of the data_36b key."
  value       = aws_kms_key.data_36b.arn
}
